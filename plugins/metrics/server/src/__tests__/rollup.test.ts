import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import {
  countRows,
  dailyRows,
  insertRawEvents,
  moscow,
} from '@vixenhealth/tooling/testing/metrics-events';

/**
 * The roll-up of raw events into the figures dashboards read, retention with the metrics clock
 * moved forward, and a deleted clinic taking its metrics with it.
 */

let cms: TestCms;
beforeAll(async () => {
  // The roll-up is run by the tests themselves; its timer must not purge while a test has moved the clock.
  cms = await startTestCms({ METRICS_ROLLUP_INTERVAL_MS: '3600000' });
});
afterAll(() => cms?.stop());

const metrics = () => ({
  rollup: cms.strapi.plugin('metrics').service('rollup'),
  clock: cms.strapi.plugin('metrics').service('clock'),
  dashboards: cms.strapi.plugin('metrics').service('dashboards'),
});

let siteCounter = 0;
let site: string;
beforeEach(() => {
  siteCounter += 1;
  site = `test-site-${siteCounter}`;
});

const D = '2026-03-10';
const NEXT = '2026-03-11';
const source = {
  referrer: 'yandex.ru',
  utm_source: 'yandex',
  utm_medium: 'cpc',
  utm_campaign: 'весна',
  device: 'mobile',
  browser: 'Chrome',
  os: 'Android',
  country: 'RU',
};

/** Four visitors of day D and one of the next day (see each comment). */
const aDay = () =>
  insertRawEvents(cms.strapi, site, [
    // v1: a visit of 20 minutes (2 page views and a call), then 40 minutes later a bounce.
    { visitor: 'v1', local: `${D}T10:00`, ...source },
    { visitor: 'v1', local: `${D}T10:10`, path: '/prices', ...source },
    { visitor: 'v1', local: `${D}T10:20`, name: 'Звонок', path: '/prices', ...source },
    { visitor: 'v1', local: `${D}T11:00`, device: 'mobile' },
    // v2: one page view from Google on a desktop: a bounce.
    { visitor: 'v2', local: `${D}T10:05`, referrer: 'google.com', device: 'desktop' },
    // v3 reads across midnight: the hash changes, so two visitors of two days, two visits.
    { visitor: 'v3-day1', local: `${D}T23:50`, path: '/about' },
    { visitor: 'v3-day2', local: `${NEXT}T00:05`, path: '/about' },
  ]);

describe('the roll-up', () => {
  it('counts visits, bounces and durations across a 30-minute gap and midnight', async () => {
    await aDay();
    expect(await metrics().rollup.runNow()).toBe(2);

    const day = await dailyRows(cms.strapi, site, D);
    expect(day['total:']).toEqual({
      visitors: 3,
      visits: 4,
      pageviews: 5,
      bounces: 3,
      duration: 20 * 60 * 1000,
      events: 1,
    });
    expect((await dailyRows(cms.strapi, site, NEXT))['total:']).toEqual({
      visitors: 1,
      visits: 1,
      pageviews: 1,
      bounces: 1,
      duration: 0,
      events: 0,
    });
  });

  it('counts pages by views, sources by the visit’s first event, events by name', async () => {
    await aDay();
    await metrics().rollup.runNow();
    const day = await dailyRows(cms.strapi, site, D);

    expect(day['page:/']).toMatchObject({ visitors: 2, pageviews: 3, visits: 3 });
    expect(day['page:/prices']).toMatchObject({ visitors: 1, pageviews: 1, visits: 1 });
    expect(day['page:/about']).toMatchObject({ visitors: 1, pageviews: 1 });
    // The call is not a page view.
    expect(day['page:/prices'].pageviews).toBe(1);

    expect(day['referrer:yandex.ru']).toMatchObject({ visitors: 1, visits: 1, pageviews: 2 });
    expect(day['referrer:google.com']).toMatchObject({ visitors: 1, visits: 1, bounces: 1 });
    // Direct: v1's second visit and v3's.
    expect(day['referrer:']).toMatchObject({ visitors: 2, visits: 2, bounces: 2 });
    expect(day['utm_campaign:весна']).toMatchObject({ visitors: 1, visits: 1 });
    expect(day['utm_source:yandex']).toMatchObject({ visits: 1 });
    // No campaign is not a campaign called ''.
    expect(day['utm_campaign:']).toBeUndefined();
    expect(day['device:mobile']).toMatchObject({ visitors: 1, visits: 2 });
    expect(day['device:desktop']).toMatchObject({ visitors: 1, visits: 1 });
    expect(day['browser:Chrome']).toMatchObject({ visits: 1 });
    expect(day['os:Android']).toMatchObject({ visits: 1 });
    expect(day['country:RU']).toMatchObject({ visits: 1 });
    expect(day['event:Звонок']).toMatchObject({ visitors: 1, events: 1 });

    const hours = await cms.strapi.db
      .connection('metrics_hourly')
      .where({ site })
      .orderBy('hour')
      .select('hour', 'visitors', 'pageviews');
    expect(
      hours.map((row: Record<string, unknown>) => [
        row.hour,
        Number(row.visitors),
        Number(row.pageviews),
      ])
    ).toEqual([
      [`${D}T10`, 2, 3],
      [`${D}T11`, 1, 1],
      [`${D}T23`, 1, 1],
      [`${NEXT}T00`, 1, 1],
    ]);
  });

  it('gives the same figures when a day is rolled up again, and takes in late events', async () => {
    await aDay();
    await metrics().rollup.runNow();
    const first = await dailyRows(cms.strapi, site, D);

    await cms.strapi.db.connection('metrics_pending_rollups').insert({ site, day: D });
    expect(await metrics().rollup.runNow()).toBe(1);
    expect(await dailyRows(cms.strapi, site, D)).toEqual(first);
    expect(await countRows(cms.strapi, 'metrics_pending_rollups', site)).toBe(0);

    // v2 comes back 10 minutes later: no longer a bounce, a visit of 10 minutes.
    await insertRawEvents(cms.strapi, site, [
      { visitor: 'v2', local: `${D}T10:15`, path: '/doctors' },
    ]);
    await metrics().rollup.runNow();
    expect((await dailyRows(cms.strapi, site, D))['total:']).toMatchObject({
      visitors: 3,
      visits: 4,
      pageviews: 6,
      bounces: 2,
      duration: 30 * 60 * 1000,
    });
  });

  it('rolls up a day larger than one read page, visitor by visitor', async () => {
    // 6,000 events of 2,000 visitors: more than the 5,000 rows read at once.
    const events = Array.from({ length: 2000 }, (_, index) => {
      const visitor = `visitor-${String(index).padStart(5, '0')}`;
      return [
        { visitor, local: `${D}T09:00`, path: `/page-${index % 7}` },
        { visitor, local: `${D}T09:05`, path: '/prices' },
        { visitor, local: `${D}T12:00`, path: '/prices' },
      ];
    }).flat();
    await insertRawEvents(cms.strapi, site, events);
    await metrics().rollup.runNow();
    expect((await dailyRows(cms.strapi, site, D))['total:']).toEqual({
      visitors: 2000,
      visits: 4000,
      pageviews: 6000,
      bounces: 2000,
      duration: 2000 * 5 * 60 * 1000,
      events: 0,
    });
  });

  it('answers the dashboard’s figures from the rolled-up rows', async () => {
    await aDay();
    await metrics().rollup.runNow();
    const stats = await metrics().dashboards.stats(
      { id: site, name: 'Тест' },
      { period: 'custom', from: D, to: NEXT }
    );
    expect(stats.totals).toEqual({
      visitors: 4,
      visits: 5,
      pageviews: 6,
      bounceRate: 0.8,
      visitDuration: 240,
      events: 1,
    });
    expect(stats.series).toEqual([
      { at: D, visitors: 3, pageviews: 5 },
      { at: NEXT, visitors: 1, pageviews: 1 },
    ]);
    expect(stats.top.pages[0]).toEqual({ value: '/', visitors: 2, count: 3 });
    expect(stats.top.events).toEqual([{ value: 'Звонок', visitors: 1, count: 1 }]);

    // The whole month is read from the monthly rows, the days around it from the daily ones:
    // the same figures either way.
    const month = await metrics().dashboards.stats(
      { id: site, name: 'Тест' },
      { period: 'custom', from: '2026-03-01', to: '2026-03-31' }
    );
    const around = await metrics().dashboards.stats(
      { id: site, name: 'Тест' },
      { period: 'custom', from: '2026-02-27', to: '2026-04-02' }
    );
    expect(month.totals).toEqual(stats.totals);
    expect(around.totals).toEqual(stats.totals);
    expect(around.top).toEqual(month.top);
    expect(month.top.pages[0]).toEqual({ value: '/', visitors: 2, count: 3 });
    expect(
      await cms.strapi.db.connection('metrics_monthly').where({ site, dimension: 'total' }).first()
    ).toMatchObject({ month: '2026-03', visits: 5 });
  });
});

describe('retention', () => {
  afterAll(() => metrics().clock.set(null));

  it('keeps raw events of a pending day, and deletes them once rolled up and old', async () => {
    await aDay();
    // Three days later: every raw event is older than 48 hours, but not yet rolled up.
    metrics().clock.set(new Date(moscow(`2026-03-13T12:00`)));
    await metrics().rollup.purgeExpired();
    expect(await countRows(cms.strapi, 'metrics_events', site)).toBe(7);

    await metrics().rollup.runNow();
    await metrics().rollup.purgeExpired();
    expect(await countRows(cms.strapi, 'metrics_events', site)).toBe(0);
    // The figures stay.
    expect((await dailyRows(cms.strapi, site, D))['total:'].visits).toBe(4);
  });

  it('keeps raw events younger than 48 hours', async () => {
    await aDay();
    await metrics().rollup.runNow();
    metrics().clock.set(new Date(moscow(`${NEXT}T10:30`)));
    await metrics().rollup.purgeExpired();
    expect(await countRows(cms.strapi, 'metrics_events', site)).toBe(7);
  });

  it('deletes figures past a year, or past the site’s own retention', async () => {
    await aDay();
    await metrics().rollup.runNow();
    const other = `${site}-short`;
    await insertRawEvents(cms.strapi, other, [{ visitor: 'x', local: `${D}T10:00` }]);
    await metrics().rollup.runNow();
    await cms.strapi.db
      .connection('metrics_site_settings')
      .insert({ site: other, retention_days: 30 });

    // 30 days after NEXT: the short site keeps [NEXT+1 … NEXT+30], so D is gone; the other keeps all.
    metrics().clock.set(new Date(moscow('2026-04-10T12:00')));
    await metrics().rollup.purgeExpired();
    expect(await countRows(cms.strapi, 'metrics_daily', other)).toBe(0);
    expect(await countRows(cms.strapi, 'metrics_hourly', other)).toBe(0);
    expect(await countRows(cms.strapi, 'metrics_monthly', other)).toBe(0);
    expect((await dailyRows(cms.strapi, site, D))['total:']).toBeDefined();

    // 365 days after D is the last day D's figures live; the day after, they go.
    metrics().clock.set(new Date(moscow('2027-03-09T12:00')));
    await metrics().rollup.purgeExpired();
    expect((await dailyRows(cms.strapi, site, D))['total:']).toBeDefined();
    metrics().clock.set(new Date(moscow('2027-03-10T12:00')));
    await metrics().rollup.purgeExpired();
    expect(await dailyRows(cms.strapi, site, D)).toEqual({});
    expect((await dailyRows(cms.strapi, site, NEXT))['total:']).toBeDefined();
    // The month of the first kept day holds what is left of it (NEXT's one visit), nothing older.
    expect(
      await cms.strapi.db.connection('metrics_monthly').where({ site, dimension: 'total' })
    ).toMatchObject([{ month: '2026-03', visits: 1, pageviews: 1 }]);
    const hours = await cms.strapi.db.connection('metrics_hourly').where({ site }).pluck('hour');
    expect(hours).toEqual([`${NEXT}T00`]);
  });
});

describe('deleting a clinic', () => {
  it('deletes all its metrics, and nothing of another site', async () => {
    const { strapi } = cms;
    const clinic = await fixtures(strapi).clinic();
    site = clinic.documentId;
    await aDay();
    await metrics().rollup.runNow();
    await insertRawEvents(strapi, site, [{ visitor: 'late', local: `${D}T15:00` }]);
    await strapi.db
      .connection('metrics_site_settings')
      .insert({ site, retention_days: 90, share_token: `t-${site}` });
    const other = `${site}-other`;
    await insertRawEvents(strapi, other, [{ visitor: 'x', local: `${D}T10:00` }]);

    await strapi.documents('api::clinic.clinic').delete({ documentId: site });

    for (const table of [
      'metrics_events',
      'metrics_daily',
      'metrics_monthly',
      'metrics_hourly',
      'metrics_pending_rollups',
      'metrics_site_settings',
    ]) {
      expect(await countRows(strapi, table, site), table).toBe(0);
    }
    expect(await countRows(strapi, 'metrics_events', other)).toBe(1);
  });
});
