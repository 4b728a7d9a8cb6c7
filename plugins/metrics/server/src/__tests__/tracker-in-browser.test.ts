import type { ChildProcess } from 'node:child_process';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startClinicSite } from '@vixenhealth/tooling/lib/clinic-site';
import { freeLoopbackPort } from '@vixenhealth/tooling/lib/free-port';
import { waitForHttp } from '@vixenhealth/tooling/lib/wait-for-http';
import { launchChromium } from '@vixenhealth/tooling/testing/chromium';
import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { accessTokenOf, registerPerson } from '@vixenhealth/tooling/testing/people';
import type { TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

/**
 * A real Chromium visits a real clinic site (its SSR server, as `npm start` runs it): the
 * tracker the layout includes sends a page view on load, another on an SPA navigation, and a
 * custom event; they are stored under the clinic with path, referrer host and device, and
 * once rolled up the clinic's owner reads them on their dashboard. The next day the same
 * browser is another visitor.
 */

// Headless Chromium says "HeadlessChrome", which the bot filter rightly refuses.
const DESKTOP_CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

let id: IdTest;
let cms: TestCms;
let ownerToken: string;
let ownerId: string;
let site: ChildProcess;
let browser: Browser;
let port: number;

beforeAll(async () => {
  port = await freeLoopbackPort();
  // The roll-up is run by the test, not by its timer.
  id = await startIdTest({ env: { METRICS_ROLLUP_INTERVAL_MS: '3600000' } });
  cms = id.cms;
  const owner = await registerPerson(id, 'Ольга Владелец');
  ownerId = owner.documentId;
  ownerToken = await accessTokenOf(id, owner);
  site = startClinicSite({
    cmsUrl: cms.baseUrl,
    port,
    env: {
      PUBLIC_URL: cms.baseUrl,
      SITES_BASE_DOMAIN: 'localhost',
      PORTAL_URL: 'https://portal.test',
    },
  });
  await waitForHttp(`http://127.0.0.1:${port}/`, {
    status: 404,
    isAlive: () => site.exitCode === null,
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  site?.kill();
  await id?.stop();
});

const flush = () =>
  (
    cms.strapi.plugin('metrics').service('collector') as unknown as { flush(): Promise<void> }
  ).flush();

/** The clinic's stored events once `count` arrived (beacons are sent asynchronously). */
const eventsOf = async (siteId: string, count: number) => {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    await flush();
    const rows = await cms.strapi.db
      .connection('metrics_events')
      .where({ site: siteId })
      .orderBy('id');
    if (rows.length >= count) return rows;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`fewer than ${count} events arrived`);
};

const rollUp = () =>
  (
    cms.strapi.plugin('metrics').service('rollup') as unknown as { runNow(): Promise<number> }
  ).runNow();

/** The owner's figures over HTTP, as the cabinet reads them. */
const dashboard = async (clinic: string, period: string) => {
  const answer = await cms.request(`/api/metrics/sites/${clinic}/stats?period=${period}`, {
    token: ownerToken,
  });
  expect(answer.status).toBe(200);
  return answer.body;
};

describe('the tracker on a clinic site', () => {
  it('counts a page view, an SPA navigation and a custom event, which the owner then reads', async () => {
    const clinic = (await fixtures(cms.strapi).clinic({ owners: [ownerId] })) as unknown as {
      documentId: string;
      subdomain: string;
    };
    const context = await browser.newContext({ userAgent: DESKTOP_CHROME });
    const page = await context.newPage();
    const origin = `http://${clinic.subdomain}.localhost:${port}`;
    const answers: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/api/metrics/event')) answers.push(response.status());
    });
    const scriptLoaded = page.waitForResponse((response) =>
      response.url().endsWith('/api/metrics/script.js')
    );
    await page.goto(`${origin}/`, { referer: 'https://ya.ru/search/?text=клиника' });
    expect((await scriptLoaded).status()).toBe(200);

    await eventsOf(clinic.documentId, 1);
    await page.evaluate(() => history.pushState({}, '', '/doctors?utm_source=newsletter'));
    await eventsOf(clinic.documentId, 2);
    await page.evaluate(() =>
      (window as unknown as { vixenMetrics(name: string, props: object): void }).vixenMetrics(
        'Запись отправлена',
        { doctor: 'Иванов' }
      )
    );
    const rows = await eventsOf(clinic.documentId, 3);

    expect(
      rows.map((row) => [row.name, row.path, row.referrer, row.utm_source, row.device, row.browser])
    ).toEqual([
      ['pageview', '/', 'ya.ru', '', 'desktop', 'Chrome'],
      ['pageview', '/doctors', 'ya.ru', 'newsletter', 'desktop', 'Chrome'],
      ['Запись отправлена', '/doctors', 'ya.ru', 'newsletter', 'desktop', 'Chrome'],
    ]);
    expect(new Set(rows.map((row) => row.visitor)).size).toBe(1);
    // The browser may see the last answer after the flush stored its event.
    await expect.poll(() => answers).toEqual([202, 202, 202]);

    // The owner's dashboard, once the roll-up ran: one visitor, one visit of two pages.
    await rollUp();
    const today = await dashboard(clinic.documentId, 'today');
    expect(today.totals).toMatchObject({ visitors: 1, visits: 1, pageviews: 2, events: 1 });
    expect(today.totals.bounceRate).toBe(0);
    expect(today.top.pages.map((row: { value: string }) => row.value).sort()).toEqual([
      '/',
      '/doctors',
    ]);
    expect(today.top.referrers).toEqual([{ value: 'ya.ru', visitors: 1, count: 1 }]);
    expect(today.top.events).toEqual([{ value: 'Запись отправлена', visitors: 1, count: 1 }]);

    // The next day the salt is new: the same browser is counted as another visitor.
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
    cms.strapi.plugin('metrics').service('clock').set(tomorrow);
    try {
      await page.reload();
      const next = await eventsOf(clinic.documentId, 4);
      expect(next[3]!.visitor).not.toBe(rows[0]!.visitor);
      expect(next[3]!.day).not.toBe(rows[0]!.day);
      await rollUp();
      const week = await dashboard(clinic.documentId, '7d');
      expect(week.totals).toMatchObject({ visitors: 2, visits: 2, pageviews: 3 });
    } finally {
      cms.strapi.plugin('metrics').service('clock').set(null);
      await context.close();
    }
  });

  it('sends nothing when the browser asks not to be tracked (GPC)', async () => {
    const clinic = (await fixtures(cms.strapi).clinic()) as unknown as {
      documentId: string;
      subdomain: string;
    };
    const context = await browser.newContext({
      userAgent: DESKTOP_CHROME,
      extraHTTPHeaders: { 'Sec-GPC': '1' },
    });
    const page = await context.newPage();
    await page.addInitScript(() =>
      Object.defineProperty(navigator, 'globalPrivacyControl', { value: true })
    );
    let beacons = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/metrics/event')) beacons += 1;
    });
    await page.goto(`http://${clinic.subdomain}.localhost:${port}/`);
    await page.waitForLoadState('networkidle');
    await context.close();
    expect(beacons).toBe(0);
    await flush();
    const stored = await cms.strapi.db
      .connection('metrics_events')
      .where({ site: clinic.documentId })
      .select('id');
    expect(stored).toEqual([]);
  });
});
