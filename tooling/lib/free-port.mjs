import { createServer } from 'node:net';

/**
 * A port of 127.0.0.1 that is free now, for a server that must know its own URL before it starts
 * listening (the CMS names it in ID's issuer).
 * @example
 * ```ts
 * const port = await freeLoopbackPort();
 * const cms = await startTestCms({ ID_ISSUER: `http://127.0.0.1:${port}/id` });
 * ```
 * @returns {Promise<number>}
 */
export const freeLoopbackPort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
