import { PassThrough } from 'node:stream';

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type { DeskRights } from '../rights/desk-rights';
import { liveEvents, type LiveEvent } from './live-events';

const HEARTBEAT_MS = 25_000;

const reaches = (event: LiveEvent, rights: DeskRights) =>
  event.type === 'notice'
    ? event.agentIds.includes(rights.agentId)
    : rights.allGroups || (event.groupId !== null && rights.groupIds.includes(event.groupId));

/**
 * Streams the desk's live events to one Support page as server-sent events: only those of
 * groups the agent sees and notices addressed to them, with a heartbeat so proxies keep the
 * connection open.
 */
export const openEventStream = (strapi: Core.Strapi, ctx: Context, rights: DeskRights) => {
  const stream = new PassThrough();
  const send = (text: string) => stream.write(text);
  const unsubscribe = liveEvents(strapi).subscribe((event) => {
    if (!reaches(event, rights)) return;
    send(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  });
  const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
  const close = () => {
    clearInterval(heartbeat);
    unsubscribe();
    stream.end();
  };
  ctx.req.on('close', close);
  ctx.req.setTimeout(0);
  ctx.set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  ctx.status = 200;
  ctx.body = stream;
  send(': connected\n\n');
};
