import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `url` until it answers `status`: a server may report its port before it serves requests.
 * @param {string} url
 * @param {number} status
 * @param {number} timeoutMs
 */
export const waitForStatus = async (url, status, timeoutMs) => {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
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
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms (last: ${last}).`);
};
