import { afterEach, describe, expect, it } from 'vitest';

import { startCmsProcess, type CmsProcess } from '@vixenhealth/tooling/testing/cms-process';

/**
 * The buffer's guarantee, checked on the CMS run as in production (`strapi start`, a child
 * process): a shutdown (SIGTERM) writes every accepted event; a crash (`kill -9`) loses at most
 * those accepted in the last flush interval (plus the time of the write under way).
 */

const FLUSH_MS = 1000;
// The write begun at the last tick must finish: on a shared 2-core machine, allow it 500 ms.
const MARGIN_MS = 500;
const PORTAL = 'http://localhost:4321';

let cms: CmsProcess | null = null;
afterEach(async () => {
  await cms?.cleanup();
  cms = null;
});

const start = () =>
  startCmsProcess({
    PORTAL_URL: PORTAL,
    METRICS_FLUSH_INTERVAL_MS: String(FLUSH_MS),
    METRICS_IP_EVENTS_PER_MINUTE: '10000000',
    METRICS_SITE_EVENTS_PER_SECOND: '10000000',
  });

/** Sends page views with distinct paths from `senders` loops until `stop()`; records each 202. */
const sendSteadily = (baseUrl: string, senders = 4) => {
  const acknowledged = new Map<string, number>();
  let running = true;
  let next = 0;
  const loop = async () => {
    while (running) {
      const path = `/kill/${(next += 1)}`;
      try {
        const response = await fetch(`${baseUrl}/api/metrics/event`, {
          method: 'POST',
          headers: {
            'content-type': 'text/plain',
            'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
          },
          body: JSON.stringify({ name: 'pageview', url: `${PORTAL}${path}`, domain: 'localhost' }),
        });
        await response.arrayBuffer();
        if (response.status === 202) acknowledged.set(path, Date.now());
      } catch {
        // The server died under us: the event was not acknowledged.
        return;
      }
    }
  };
  const loops = Array.from({ length: senders }, loop);
  return {
    acknowledged,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
};

const storedPaths = async (process: CmsProcess) => {
  const rows = (await process
    .openDatabase()('metrics_events')
    .where({ site: 'portal' })
    .select('path')) as { path: string }[];
  return new Set(rows.map((row) => row.path));
};

describe('the event buffer', () => {
  it('loses at most the last flush interval of acknowledged events on kill -9', async () => {
    cms = await start();
    const traffic = sendSteadily(cms.baseUrl);
    await new Promise((resolve) => setTimeout(resolve, 3500));
    const killedAt = Date.now();
    cms.child.kill('SIGKILL');
    expect(await cms.exited).toBe('SIGKILL');
    await traffic.stop();

    const stored = await storedPaths(cms);
    const lost = [...traffic.acknowledged].filter(([path]) => !stored.has(path));
    const mustHave = lost.filter(([, at]) => at < killedAt - FLUSH_MS - MARGIN_MS);
    console.log(
      `kill -9: ${traffic.acknowledged.size} acknowledged, ${stored.size} stored, ` +
        `${lost.length} lost, all within the last ${
          lost.length ? killedAt - Math.min(...lost.map(([, at]) => at)) : 0
        } ms before the kill`
    );
    expect(traffic.acknowledged.size).toBeGreaterThan(100);
    expect(mustHave).toEqual([]);
    // Nothing is stored that was not sent.
    for (const path of stored) expect(path).toMatch(/^\/kill\/\d+$/);
  });

  it('writes every acknowledged event on shutdown (SIGTERM)', async () => {
    cms = await start();
    const traffic = sendSteadily(cms.baseUrl);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    cms.child.kill('SIGTERM');
    await cms.exited;
    await traffic.stop();

    const stored = await storedPaths(cms);
    const lost = [...traffic.acknowledged.keys()].filter((path) => !stored.has(path));
    console.log(`SIGTERM: ${traffic.acknowledged.size} acknowledged, ${lost.length} lost`);
    expect(traffic.acknowledged.size).toBeGreaterThan(50);
    expect(lost).toEqual([]);
  });
});
