import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { accessTokenOf, registerPerson } from '@vixenhealth/tooling/testing/people';
import { signInThroughForm } from '@vixenhealth/tooling/testing/relying-party';

import { parseExposition } from './exposition';

/**
 * `GET /metrics` of the real CMS: who may read it, and that what Support's dashboard shows moves
 * when the platform really does the thing (a request, an error, a sign-in, a ticket, a deploy).
 */

const TOKEN = 'test-metrics-token-0123456789';
const ROOT = path.resolve(import.meta.dirname, '../../../../../..');

let id: IdTest;

beforeAll(async () => {
  id = await startIdTest({ env: { METRICS_TOKEN: TOKEN } });
});
afterAll(() => id?.stop());

const get = (pathname: string, headers: Record<string, string> = {}) =>
  fetch(`${id.cms.baseUrl}${pathname}`, { headers });

const scrape = async () => {
  const response = await get('/metrics', { authorization: `Bearer ${TOKEN}` });
  expect(response.status).toBe(200);
  const text = await response.text();
  return { text, ...parseExposition(text) };
};

const setToken = (token: string) => id.cms.strapi.config.set('plugin::metrics.systemToken', token);

describe('GET /metrics: who may read it', () => {
  it('with METRICS_TOKEN set, answers the bearer of that token only', async () => {
    const missing = await get('/metrics');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await missing.json()).error.name).toBe('UnauthorizedError');
    for (const authorization of [
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(1)}`,
      `Basic ${TOKEN}`,
    ]) {
      const wrong = await get('/metrics', { authorization });
      expect(wrong.status, authorization).toBe(401);
      expect(await wrong.text()).not.toContain('vixenhealth_');
    }
    const right = await get('/metrics', { authorization: `Bearer ${TOKEN}` });
    expect(right.status).toBe(200);
    expect(right.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    // The refused scrapes above are counted under their own route, not among unmatched paths.
    const { value } = await scrape();
    const refused = { method: 'GET', route: '/metrics', status_class: '4xx' };
    expect(value('vixenhealth_http_request_errors_total', refused)).toBe(4);
  });

  it('without a token, answers a loopback peer only, and not through a proxy', async () => {
    setToken('');
    try {
      const local = await get('/metrics');
      expect(local.status).toBe(200);
      expect(await local.text()).toContain('vixenhealth_');
      // A reverse proxy on this machine would make every visitor a loopback peer.
      for (const header of ['x-forwarded-for', 'forwarded']) {
        const proxied = await get('/metrics', { [header]: '203.0.113.9' });
        expect(proxied.status, header).toBe(403);
        expect((await proxied.json()).error.name).toBe('ForbiddenError');
      }
    } finally {
      setToken(TOKEN);
    }
  });

  it('is not swallowed by the admin panel or the API router, and refuses writes', async () => {
    const post = await fetch(`${id.cms.baseUrl}/metrics`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(post.status).toBe(405);
  });
});

describe('the exposition', () => {
  it('parses as Prometheus text format, with the default Node metrics prefixed', async () => {
    const { types } = await scrape();
    expect(types.get('vixenhealth_nodejs_eventloop_lag_seconds')).toBe('gauge');
    expect(types.get('vixenhealth_nodejs_heap_size_used_bytes')).toBe('gauge');
    expect(types.get('vixenhealth_http_request_duration_seconds')).toBe('histogram');
  });

  it('reads the database pool and the queues at scrape time', async () => {
    id.cms.strapi
      .plugin('metrics')
      .service('system')
      .registerQueue('test_queue', () => 7);
    const metrics = await scrape();
    expect(metrics.value('vixenhealth_queue_length', { queue: 'test_queue' })).toBe(7);
    expect(metrics.value('vixenhealth_queue_length', { queue: 'support_outbox' })).toBe(0);
    const used = metrics.value('vixenhealth_db_pool_connections', { state: 'used' });
    const free = metrics.value('vixenhealth_db_pool_connections', { state: 'free' });
    expect((used ?? -1) + (free ?? -1)).toBeGreaterThan(0);
    expect(metrics.value('vixenhealth_db_pool_pending_acquires')).toBe(0);
  });
});

describe('HTTP requests', () => {
  const count = (metrics: Awaited<ReturnType<typeof scrape>>, labels: Record<string, string>) =>
    metrics.value('vixenhealth_http_request_duration_seconds_count', labels) ?? 0;

  it('are labelled by the route template, never by the raw URL', async () => {
    const clinics = await id.cms.request('/api/clinics');
    const documentId = clinics.body.data[0].documentId as string;
    const before = await scrape();
    const labels = { method: 'GET', route: '/api/clinics/:id', status_class: '2xx' };
    for (let i = 0; i < 3; i += 1) {
      expect((await get(`/api/clinics/${documentId}?populate=*`)).status).toBe(200);
    }
    const after = await scrape();
    expect(count(after, labels) - count(before, labels)).toBe(3);
    expect(after.text).not.toContain(documentId);
    for (const sample of after.samples) expect(sample.labels.route ?? '').not.toMatch(/\?|\d{3,}/);
  });

  it('count 4xx and 5xx responses as errors', async () => {
    // A route that fails the way a bug does: Strapi's error middleware answers 500.
    id.cms.strapi.server.router.get('/test-failure/:id', () => {
      throw new Error('a bug');
    });
    const errors = (metrics: Awaited<ReturnType<typeof scrape>>, labels: Record<string, string>) =>
      metrics.value('vixenhealth_http_request_errors_total', labels) ?? 0;
    const failing = { method: 'GET', route: '/test-failure/:id', status_class: '5xx' };
    const missing = { method: 'GET', route: 'unmatched', status_class: '4xx' };
    const before = await scrape();
    expect((await get('/test-failure/12345')).status).toBe(500);
    expect((await get('/api/no-such-thing/67890')).status).toBe(404);
    const after = await scrape();
    expect(errors(after, failing) - errors(before, failing)).toBe(1);
    expect(errors(after, missing) - errors(before, missing)).toBe(1);
    expect(count(after, failing) - count(before, failing)).toBe(1);
    expect(after.text).not.toContain('67890');
  });
  it('count beacons, answered ahead of Koa, under their own route', async () => {
    const refused = { method: 'POST', route: '/api/metrics/event', status_class: '4xx' };
    const preflight = { method: 'OPTIONS', route: '/api/metrics/event', status_class: '2xx' };
    const before = await scrape();
    const malformed = await fetch(`${id.cms.baseUrl}/api/metrics/event?x=1`, {
      method: 'POST',
      // A browser's agent: a bare `node` agent is a bot, answered 202 unread.
      headers: { 'content-type': 'text/plain', 'user-agent': 'Mozilla/5.0 Firefox/133.0' },
      body: '{"name":',
    });
    expect(malformed.status).toBe(400);
    const options = await fetch(`${id.cms.baseUrl}/api/metrics/event`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    const after = await scrape();
    expect(count(after, refused) - count(before, refused)).toBe(1);
    expect(count(after, preflight) - count(before, preflight)).toBe(1);
    const unmatched = { method: 'POST', route: 'unmatched', status_class: '4xx' };
    expect(count(after, unmatched)).toBe(count(before, unmatched));
  });
});

describe('platform events', () => {
  const signIns = async (outcome: string) =>
    (await scrape()).value('vixenhealth_id_sign_ins_total', { outcome }) ?? 0;

  it('counts ID sign-ins and failures when someone really signs in', async () => {
    const person = await registerPerson(id);
    const [success, failure] = [await signIns('success'), await signIns('bad-credentials')];

    const refused = await signInThroughForm(id.portal, { ...person, password: 'Wrong-password-1' });
    expect(refused.callback).toBeNull();
    expect(await signIns('bad-credentials')).toBe(failure + 1);
    expect(await signIns('success')).toBe(success);

    expect(await accessTokenOf(id, person)).toBeTruthy();
    expect(await signIns('success')).toBe(success + 1);
    // Labels say how it went, never who: no email, no address.
    expect((await scrape()).text).not.toContain(person.email);
  });

  it('counts a ticket created through the support API by its channel', async () => {
    const person = await registerPerson(id);
    const token = await accessTokenOf(id, person);
    const web = async () =>
      (await scrape()).value('vixenhealth_support_tickets_created_total', { channel: 'web' });
    const before = await web();
    expect(before).toBeDefined();
    const created = await id.cms.request('/api/support/tickets', {
      method: 'POST',
      token,
      body: { subject: 'Не открывается сайт', body: 'Пишет ошибку' },
    });
    expect(created.status).toBe(201);
    expect(await web()).toBe(before! + 1);
  });

  it('counts deploys by the status they reach, not their progress writes', async () => {
    const deploys = () => id.cms.strapi.db.query('api::site-deploy.site-deploy');
    const status = async (name: string) =>
      (await scrape()).value('vixenhealth_site_deploys_total', { status: name }) ?? 0;
    const before = { queued: await status('queued'), building: await status('building') };
    const live = await status('live');
    const deploy = await deploys().create({
      data: { clinicDocumentId: 'test-clinic', subdomain: 'test-clinic', status: 'queued' },
    });
    await deploys().update({ where: { id: deploy.id }, data: { status: 'building' } });
    await deploys().update({ where: { id: deploy.id }, data: { pagesDone: 1, pagesTotal: 2 } });
    await deploys().update({ where: { id: deploy.id }, data: { pagesDone: 2, pagesTotal: 2 } });
    await deploys().update({ where: { id: deploy.id }, data: { status: 'live' } });
    expect(await status('queued')).toBe(before.queued + 1);
    expect(await status('building')).toBe(before.building + 1);
    expect(await status('live')).toBe(live + 1);
  });

  it('counts calls announced on the event hub, with bounded labels', async () => {
    const calls = async (labels: Record<string, string>) =>
      (await scrape()).value('vixenhealth_calls_total', labels) ?? 0;
    const answered = { direction: 'inbound', outcome: 'answered' };
    const other = { direction: 'other', outcome: 'other' };
    const [a, o] = [await calls(answered), await calls(other)];
    await id.cms.strapi.eventHub.emit('telephony.call', answered);
    await id.cms.strapi.eventHub.emit('telephony.call', { direction: '+7 900', outcome: 'x' });
    expect(await calls(answered)).toBe(a + 1);
    expect(await calls(other)).toBe(o + 1);
  });
});

describe('the Grafana dashboard', () => {
  it('uses only metric names the CMS really exports', async () => {
    const folder = path.join(ROOT, 'deploy/grafana/dashboards');
    const files = readdirSync(folder).filter((file) => file.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    const { types, samples } = await scrape();
    const exported = new Set([...types.keys(), ...samples.map((sample) => sample.name)]);
    for (const file of files) {
      const dashboard = JSON.parse(readFileSync(path.join(folder, file), 'utf8'));
      const expressions = JSON.stringify(dashboard).match(/vixenhealth_[a-z0-9_]+/g) ?? [];
      expect(expressions.length, file).toBeGreaterThan(10);
      const unknown = [...new Set(expressions)].filter((name) => !exported.has(name));
      expect(unknown, `${file} refers to metrics the CMS does not export`).toEqual([]);
    }
  });
});
