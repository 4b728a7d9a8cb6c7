import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** A request listener that takes the requests it answers: true when it took this one. */
export type RequestTaker = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Puts `take` in front of the server's request listeners (Strapi's Koa app): a request it takes
 * never reaches them, any other goes on to them unchanged.
 */
export const answerBeforeKoa = (server: Server, take: RequestTaker) => {
  const listeners = server.listeners('request') as ((
    req: IncomingMessage,
    res: ServerResponse
  ) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (take(req, res)) return;
    for (const listener of listeners) listener.call(server, req, res);
  });
};
