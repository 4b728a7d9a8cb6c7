import { startChild } from './child.mjs';

/**
 * Starts the yardstick every case is compared with: a bare `node:http` hello world. It runs in a
 * child of its own, like every target, so that it competes with the load generator for CPU exactly
 * as a target does, and never shares an event loop with it.
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export const startBaseline = async () => {
  const { report, stop } = await startChild(new URL('./baseline-server.mjs', import.meta.url), {
    label: 'baseline server',
    timeoutMs: 10_000,
  });
  return { url: `http://127.0.0.1:${report.port}`, stop };
};
