import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Waits until `url` answers `status` (default 204, what `/_health` answers), polling every
 * quarter second for `timeoutMs` at most: a server may report its port before it serves requests.
 * `isAlive`, when given, is asked before each try, so that a server that died fails at once.
 * @example
 * ```js
 * const site = startPortal({ cmsUrl, port, portalUrl });
 * await waitForHttp(`http://127.0.0.1:${port}/robots.txt`, {
 *   status: 200,
 *   isAlive: () => site.exitCode === null,
 * });
 * ```
 * @param {string} url
 * @param {{ status?: number, timeoutMs?: number, isAlive?: () => boolean }} [options]
 */
export const waitForHttp = async (url, { status = 204, timeoutMs = 120_000, isAlive } = {}) => {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (isAlive && !isAlive()) throw new Error(`The process serving ${url} stopped.`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === status) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs / 1000} s (last: ${last}).`);
};
