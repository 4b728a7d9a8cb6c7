import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { cmsRequire } from '@vixenhealth/tooling/lib/cms-require';
import { freeLoopbackPort } from '@vixenhealth/tooling/lib/free-port';
import { waitForHttp } from '@vixenhealth/tooling/lib/wait-for-http';

import { startChild } from '../lib/child.mjs';
import { onExit } from '../lib/cleanup.mjs';
import { cmsEnv, compileCms } from '../lib/cms-target.mjs';

const PORTAL = 'http://localhost:4321';

/**
 * Rows in the events table of the SQLite database at `file`.
 * @param {string} file
 */
const countEvents = async (file) => {
  const knex = cmsRequire('knex')({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
  });
  try {
    const [{ count }] = await knex('metrics_events').count({ count: '*' });
    return Number(count);
  } finally {
    await knex.destroy();
  }
};

/** @type {import('../lib/cases.mjs').BenchCase} */
export default {
  name: 'metrics-beacons',
  description:
    'POST /api/metrics/event: page-view beacons (text/plain, as sendBeacon sends them) accepted, buffered and written in batches; rows persisted are counted after a SIGTERM',

  async start() {
    await compileCms();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'vh-bench-'));
    const removeData = () => rmSync(dataDir, { recursive: true, force: true });
    const forgetData = onExit(removeData);
    const port = await freeLoopbackPort();
    const url = `http://127.0.0.1:${port}`;
    const started = Date.now();
    /** @type {import('../lib/child.mjs').Child | undefined} */
    let server;
    const stop = async () => {
      // SIGTERM: the CMS writes its buffer before it exits.
      await server?.stop();
      try {
        const rows = await countEvents(path.join(dataDir, 'data.db'));
        console.error(
          `bench: metrics-beacons: ${rows.toLocaleString('en')} events persisted ` +
            `(${Math.round(rows / ((Date.now() - started) / 1000)).toLocaleString('en')}/s over the case's whole life)`
        );
      } finally {
        removeData();
        forgetData();
      }
    };
    try {
      server = await startChild(new URL('../lib/cms-server.mjs', import.meta.url), {
        label: 'CMS',
        args: [String(port)],
        env: {
          ...cmsEnv(dataDir, url, 0),
          PORTAL_URL: PORTAL,
          // One load generator is one address: the per-IP and per-site limits are raised.
          METRICS_IP_EVENTS_PER_MINUTE: '1000000000',
          METRICS_SITE_EVENTS_PER_SECOND: '1000000000',
        },
        timeoutMs: 180_000,
      });
      await waitForHttp(`${url}/_health`, { timeoutMs: 30_000 });
    } catch (error) {
      await stop();
      throw error;
    }
    return {
      url,
      stop,
      path: '/api/metrics/event',
      method: 'POST',
      headers: {
        'content-type': 'text/plain;charset=UTF-8',
        'user-agent':
          'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
        origin: PORTAL,
      },
      body: JSON.stringify({
        name: 'pageview',
        url: `${PORTAL}/clinics?utm_source=bench`,
        domain: 'localhost',
        referrer: 'https://ya.ru/',
      }),
    };
  },

  async verify(response) {
    if (response.status !== 202) {
      throw new Error(
        `expected 202 from the collector, got ${response.status}: ${await response.text()}`
      );
    }
  },

  goals: [{ label: 'beacons/s', of: (result) => result.perSecond, atLeast: 5000 }],
};
