import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { runExample } from '@vixenhealth/tooling/testing/run-example';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

/** The guide "Посещения в Метрику": its server-side example, run against the real CMS. */

const EXAMPLE = path.resolve(import.meta.dirname, '..', 'send-visit.mjs');

let cms: TestCms;
let clinic: { documentId: string; subdomain: string };

const run = (env: Record<string, string>) => runExample(EXAMPLE, { CMS_URL: cms.baseUrl, ...env });

/** The clinic's stored events, once the collector's buffer is written. */
const storedEvents = async () => {
  const collector = cms.strapi.plugin('metrics').service('collector') as unknown as {
    flush(): Promise<void>;
  };
  await collector.flush();
  return cms.strapi.db
    .connection('metrics_events')
    .where({ site: clinic.documentId })
    .orderBy('id')
    .select('name', 'path', 'referrer', 'utm_source', 'utm_campaign', 'browser', 'os');
};

beforeAll(async () => {
  // One event per second per site: the example's second event meets a 429 and must wait it out.
  cms = await startTestCms({ METRICS_SITE_EVENTS_PER_SECOND: '1' });
  clinic = (await fixtures(cms.strapi).clinic()) as never;
});
afterAll(() => cms?.stop());

describe('the send-visit example', () => {
  it('stores a page view and a custom event, waiting out a 429 as Retry-After says', async () => {
    const { code, stdout } = await run({ DOMAIN: `${clinic.subdomain}.localhost` });
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toEqual([
      'pageview: 202 accepted',
      'Запись отправлена: 429, retrying in 1 s',
      'Запись отправлена: 202 accepted',
    ]);
    expect(await storedEvents()).toEqual([
      {
        name: 'pageview',
        path: '/doctors',
        referrer: 'ya.ru',
        utm_source: 'newsletter',
        utm_campaign: 'december',
        browser: 'Firefox',
        os: 'Windows',
      },
      expect.objectContaining({ name: 'Запись отправлена', path: '/booking' }),
    ]);
  });

  it("prints the CMS's error naming the field, exits 1 and stores nothing, for a wrong domain", async () => {
    const before = (await storedEvents()).length;
    const { code, stderr } = await run({ DOMAIN: 'no-such-clinic.localhost' });
    expect(code).toBe(1);
    expect(stderr).toContain(
      'pageview: 400 ValidationError: domain: is not a site counted here (field: domain)'
    );
    expect((await storedEvents()).length).toBe(before);
  });

  it("passes the visitor's user agent: a crawler's is accepted (202) and not counted", async () => {
    // Bots are answered before any limit is counted: no 429 here.
    const before = (await storedEvents()).length;
    const { code, stdout } = await run({
      DOMAIN: `${clinic.subdomain}.localhost`,
      VISITOR_USER_AGENT: 'curl/8.5.0',
    });
    expect(code).toBe(0);
    expect(stdout).toContain('pageview: 202 accepted');
    expect((await storedEvents()).length).toBe(before);
  });
});
