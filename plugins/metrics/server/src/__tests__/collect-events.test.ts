import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

/**
 * POST /api/metrics/event: what is counted, and everything refused or ignored with nothing
 * written (read from the raw table after the buffer was flushed).
 */

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

let cms: TestCms;
let clinic: { documentId: string; subdomain: string };
let host: string;
let ipCounter = 0;

beforeAll(async () => {
  cms = await startTestCms({
    // The per-IP limit is exercised below with a few dozen events.
    METRICS_IP_EVENTS_PER_MINUTE: '40',
    METRICS_SITE_EVENTS_PER_SECOND: '1000',
    // The harness reaches us from 127.0.0.1; X-Forwarded-For gives each test its own "visitor".
    IS_PROXIED: 'true',
  });
  clinic = (await fixtures(cms.strapi).clinic()) as never;
  host = `${clinic.subdomain}.localhost`;
});
afterAll(() => cms?.stop());

const db = () => cms.strapi.db.connection;
const collector = () =>
  cms.strapi.plugin('metrics').service('collector') as unknown as { flush(): Promise<void> };

const storedRows = async () => {
  await collector().flush();
  return db()('metrics_events').select('*').orderBy('id');
};
const storedCount = async () => (await storedRows()).length;

interface Send {
  body: unknown;
  headers?: Record<string, string>;
  ip?: string;
  raw?: boolean;
}
const send = async ({ body, headers = {}, ip, raw }: Send) => {
  const response = await fetch(`${cms.baseUrl}/api/metrics/event`, {
    method: 'POST',
    headers: {
      'content-type': 'text/plain;charset=UTF-8',
      'user-agent': FIREFOX,
      'x-forwarded-for': ip ?? `203.0.113.${++ipCounter}`,
      ...headers,
    },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
};

const pageview = (extra: Record<string, unknown> = {}) => ({
  name: 'pageview',
  url: `http://${host}:4322/services/?utm_source=yandex&utm_medium=cpc&utm_campaign=winter#top`,
  domain: host,
  referrer: 'https://ya.ru/search/?text=clinic',
  ...extra,
});

describe('POST /api/metrics/event accepts', () => {
  it('a page view as text/plain: 202, stored with site, path, referrer host, UTM, device', async () => {
    const before = await storedCount();
    const answer = await send({ body: pageview(), ip: '77.88.8.8' });
    expect(answer.status).toBe(202);
    expect(answer.body).toBeNull();
    const rows = await storedRows();
    expect(rows.length).toBe(before + 1);
    const row = rows.at(-1);
    expect(row).toMatchObject({
      site: clinic.documentId,
      name: 'pageview',
      path: '/services/',
      referrer: 'ya.ru',
      utm_source: 'yandex',
      utm_medium: 'cpc',
      utm_campaign: 'winter',
      device: 'desktop',
      browser: 'Firefox',
      os: 'Windows',
      country: 'RU',
    });
    expect(row.visitor).toMatch(/^[0-9a-f]{32}$/);
    // The IP is nowhere in the row.
    expect(JSON.stringify(row)).not.toContain('77.88.8.8');
    const pending = await db()('metrics_pending_rollups').where({ site: clinic.documentId });
    expect(pending).toEqual([{ site: clinic.documentId, day: row.day }]);
  });

  it('a batch as application/json, with custom events and a mobile device, CORS for its origin', async () => {
    const before = await storedCount();
    const answer = await send({
      body: [
        pageview({ referrer: `http://${host}:4322/` }),
        {
          name: 'Звонок',
          url: `http://${host}/contacts`,
          domain: host,
          props: { place: 'header' },
        },
      ],
      headers: {
        'content-type': 'application/json',
        'user-agent': IPHONE,
        origin: `http://${host}:4322`,
      },
      // A private address: no country.
      ip: '10.1.2.3',
    });
    expect(answer.status).toBe(202);
    expect(answer.headers.get('access-control-allow-origin')).toBe(`http://${host}:4322`);
    const rows = (await storedRows()).slice(before);
    expect(rows.map((row) => [row.name, row.path, row.referrer, row.device, row.os])).toEqual([
      ['pageview', '/services/', '', 'mobile', 'iOS'],
      ['Звонок', '/contacts', '', 'mobile', 'iOS'],
    ]);
    // Same browser, same site, same day: one visitor.
    expect(rows[0].visitor).toBe(rows[1].visitor);
    expect(rows[0].country).toBe('');
  });

  it('a CORS preflight from a site, and none from elsewhere', async () => {
    const preflight = (origin: string) =>
      fetch(`${cms.baseUrl}/api/metrics/event`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    const ours = await preflight(`https://${host}`);
    expect(ours.status).toBe(204);
    expect(ours.headers.get('access-control-allow-origin')).toBe(`https://${host}`);
    const theirs = await preflight('https://evil.example');
    expect(theirs.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('POST /api/metrics/event refuses, counting nothing', () => {
  it('bad input with 400 naming the field', async () => {
    const before = await storedCount();
    const cases: [unknown, (string | number)[], boolean?][] = [
      ['{"name": "pageview",', ['body'], true],
      [[], ['body']],
      [Array.from({ length: 31 }, () => pageview()), ['body']],
      [pageview({ name: '' }), ['name']],
      [pageview({ name: 'x'.repeat(121) }), ['name']],
      [pageview({ url: undefined }), ['url']],
      [pageview({ url: 'javascript:alert(1)' }), ['url']],
      [pageview({ domain: 'not a host' }), ['domain']],
      [pageview({ referrer: 'nonsense' }), ['referrer']],
      [pageview({ props: { a: { nested: true } } }), ['props', 'a']],
      [pageview({ props: [1] }), ['props']],
      [
        [pageview(), pageview({ url: 42 })],
        [1, 'url'],
      ],
      // A host no clinic lives at.
      [pageview({ domain: 'nobody.localhost', url: 'http://nobody.localhost/' }), ['domain']],
    ];
    for (const [body, path, raw] of cases) {
      const answer = await send({ body, raw });
      expect(answer.status, JSON.stringify(path)).toBe(400);
      expect(answer.body.error.name).toBe('ValidationError');
      expect(answer.body.error.details.errors[0].path).toEqual(path);
    }
    expect(await storedCount()).toBe(before);
  });

  it('a foreign host or origin with 403', async () => {
    const before = await storedCount();
    const foreignUrl = await send({ body: pageview({ url: 'https://evil.example/x' }) });
    expect(foreignUrl.status).toBe(403);
    expect(foreignUrl.body.error.details.errors[0].path).toEqual(['url']);
    const foreignOrigin = await send({
      body: pageview(),
      headers: { origin: 'https://evil.example' },
    });
    expect(foreignOrigin.status).toBe(403);
    expect(foreignOrigin.headers.get('access-control-allow-origin')).toBeNull();
    expect(await storedCount()).toBe(before);
  });

  it('an oversized body with 413, whatever Content-Length says', async () => {
    const before = await storedCount();
    const big = JSON.stringify(pageview({ props: { x: 'y'.repeat(17_000) } }));
    const declared = await send({ body: big, raw: true });
    expect(declared.status).toBe(413);
    // Chunked: no Content-Length to trust.
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = await fetch(`${cms.baseUrl}/api/metrics/event`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'user-agent': FIREFOX },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await storedCount()).toBe(before);
  });

  it('another content type with 415', async () => {
    const answer = await send({
      body: pageview(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(answer.status).toBe(415);
  });
});

describe('POST /api/metrics/event ignores (202, nothing counted)', () => {
  it('bots, an empty user agent, DNT: 1 and Sec-GPC: 1', async () => {
    const before = await storedCount();
    const ignored: Record<string, string>[] = [
      { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
      { 'user-agent': 'Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)' },
      { 'user-agent': 'curl/8.5.0' },
      { 'user-agent': '' },
      { dnt: '1' },
      { 'sec-gpc': '1' },
    ];
    for (const headers of ignored) {
      const answer = await send({ body: pageview(), headers });
      expect(answer.status, JSON.stringify(headers)).toBe(202);
    }
    expect(await storedCount()).toBe(before);
  });
});

describe('rate limits', () => {
  it('an address over its events per minute gets 429 with Retry-After; others go on', async () => {
    const before = await storedCount();
    const ip = '198.51.100.7';
    const statuses: number[] = [];
    // 40 per minute: a batch of 30, then single events until refused.
    statuses.push((await send({ body: Array.from({ length: 30 }, () => pageview()), ip })).status);
    let refused: Awaited<ReturnType<typeof send>> | null = null;
    for (let i = 0; i < 15 && !refused; i += 1) {
      const answer = await send({ body: pageview(), ip });
      statuses.push(answer.status);
      if (answer.status === 429) refused = answer;
    }
    expect(statuses.filter((status) => status === 202).length).toBe(11);
    expect(refused?.body.error.name).toBe('RateLimitError');
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await storedCount()).toBe(before + 40);
    // Another visitor is not held back.
    expect((await send({ body: pageview() })).status).toBe(202);
  });
});

describe('visitor ids', () => {
  it('the same browser is one visitor within a day, another one the next day', async () => {
    const clock = cms.strapi.plugin('metrics').service('clock') as unknown as {
      set(at: Date | null): void;
    };
    const ip = '192.0.2.10';
    try {
      clock.set(new Date('2027-01-10T12:00:00Z'));
      expect((await send({ body: pageview(), ip })).status).toBe(202);
      await send({ body: pageview({ url: `http://${host}/doctors` }), ip });
      clock.set(new Date('2027-01-11T12:00:00Z'));
      expect((await send({ body: pageview(), ip })).status).toBe(202);
      await collector().flush();
    } finally {
      clock.set(null);
    }
    const rows = await db()('metrics_events')
      .whereIn('day', ['2027-01-10', '2027-01-11'])
      .orderBy('id');
    expect(rows.map((row) => row.day)).toEqual(['2027-01-10', '2027-01-10', '2027-01-11']);
    expect(rows[0].visitor).toBe(rows[1].visitor);
    expect(rows[2].visitor).not.toBe(rows[0].visitor);
    // The day before's salt is gone: yesterday's ids cannot be recomputed.
    const salts = await db()('metrics_salts').select('day');
    expect(salts.map((salt) => salt.day)).toEqual(['2027-01-11']);
  });
});

describe('GET /api/metrics/script.js', () => {
  it('serves the tracker as JavaScript, cached, under 2 KB gzipped', async () => {
    const response = await fetch(`${cms.baseUrl}/api/metrics/script.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('cache-control')).toMatch(/max-age=86400/);
    expect(response.headers.get('set-cookie')).toBeNull();
    const source = await response.text();
    expect(source).toContain('sendBeacon');
    expect(source).not.toMatch(/document\.cookie|localStorage|sessionStorage/);
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(source, { level: 9 }).length).toBeLessThan(2048);
  });
});
