import { connect } from 'node:net';

/** Waits (up to 10 s) until `server` — a process a test started — accepts TCP on loopback `port`. */
export const waitForPort = async (port: number, server: string) => {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${server} did not listen on 127.0.0.1:${port}`);
};
