import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import { ADMIN_ROLE, DOC_PAGE } from '../../content-types/uids';

const CM = `/content-manager/collection-types/${DOC_PAGE}`;
const WEBHOOK_TOKEN = 'docs-webhook-test-token';
// Long enough that two publishes sent together land in one window on a busy machine.
const DEBOUNCE_MS = 1000;

interface Received {
  authorization: string | undefined;
  body: { reason: string; slugs: string[] };
}

/** The docs site as the CMS sees it: answers `/_docs/rebuild` with the statuses it is given. */
const startDocsSite = async () => {
  const received: Received[] = [];
  const statuses: number[] = [];
  const server: Server = createServer(async (request: IncomingMessage, response) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    if (request.method === 'POST' && request.url === '/_docs/rebuild') {
      received.push({ authorization: request.headers.authorization, body: JSON.parse(text) });
    }
    response.writeHead(statuses.shift() ?? 204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    /** The next answers, in order; 204 once they are used up. */
    answer: (...next: number[]) => statuses.push(...next),
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
};

let cms: TestCms;
let docsSite: Awaited<ReturnType<typeof startDocsSite>>;
let editorToken: string;
const logged: string[] = [];

/** Waits until the docs site has heard `count` calls (the debounce runs on real timers). */
const heard = async (count: number) => {
  const deadline = Date.now() + 10 * DEBOUNCE_MS + 5_000;
  while (docsSite.received.length < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return docsSite.received;
};

const valid = (overrides: Record<string, unknown> = {}) => ({
  title: 'Как записаться к врачу',
  slug: `clinics/booking-${Math.random().toString(36).slice(2, 8)}`,
  section: 'Клиникам',
  body: '# Запись\n\nВыберите врача и время.',
  ...overrides,
});

const asEditor = (path: string, method: string, body?: unknown) =>
  cms.request(`${CM}${path}`, { method, body, token: editorToken });

/** A 400 naming `field`, and no doc page stored. */
const expectRefused = async (
  write: () => Promise<{ status: number; body: any }>,
  field: string
) => {
  const before = await cms.strapi.db.query(DOC_PAGE).count();
  const { status, body } = await write();
  expect(status).toBe(400);
  expect(body.error.name).toBe('ValidationError');
  expect(
    body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'))
  ).toContain(field);
  expect(await cms.strapi.db.query(DOC_PAGE).count()).toBe(before);
};

beforeAll(async () => {
  docsSite = await startDocsSite();
  cms = await startTestCms({
    DOCS_URL: `${docsSite.url}/`,
    DOCS_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
    DOCS_REBUILD_DEBOUNCE_MS: String(DEBOUNCE_MS),
  });
  for (const level of ['warn', 'error'] as const) {
    const write = cms.strapi.log[level].bind(cms.strapi.log);
    cms.strapi.log[level] = ((message: string) => {
      logged.push(String(message));
      return write(message);
    }) as never;
  }
  // An Editor of the admin panel, as Strapi creates the role; doc pages are theirs to write.
  const role = await cms.strapi.db.query(ADMIN_ROLE).findOne({ where: { code: 'strapi-editor' } });
  const email = 'editor@test.vixenhealth.local';
  const password = 'Editor-password-1';
  await cms.strapi.service('admin::user').create({
    firstname: 'Елена',
    lastname: 'Редактор',
    email,
    password,
    roles: [role.id],
    isActive: true,
    registrationToken: null,
  });
  const login = await cms.request('/admin/login', { method: 'POST', body: { email, password } });
  editorToken = login.body.data.token;
});
afterAll(async () => {
  await cms?.stop();
  await docsSite?.stop();
});

describe('an editor writes doc pages', () => {
  it('creates, edits and publishes one in the admin panel', async () => {
    const created = await asEditor('', 'POST', valid({ audience: 'signed-in' }));
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ audience: 'signed-in', order: 0 });
    const { documentId } = created.body.data;
    expect((await asEditor(`/${documentId}`, 'PUT', { order: 3 })).status).toBe(200);
    expect((await asEditor(`/${documentId}/actions/publish`, 'POST', {})).status).toBe(200);
  });

  it.each([
    ['slug', { slug: 'Clinics/Booking' }],
    ['slug', { slug: 'a/b/c/d/e' }],
    ['slug', { slug: '/clinics' }],
    ['audience', { audience: 'staff-only' }],
    ['roles', { audience: 'restricted', roles: 'support-agent' }],
    ['roles', { audience: 'restricted', roles: ['support-agent', 'wizard'] }],
    ['roles', { audience: 'restricted', roles: [42] }],
    ['roles', { audience: 'restricted' }],
    ['roles', { audience: 'restricted', roles: [] }],
    ['clinicDocumentId', { audience: 'restricted', clinicDocumentId: 'no-such-clinic' }],
    ['title', { title: 'т'.repeat(121) }],
    ['description', { description: 'о'.repeat(301) }],
  ])('refuses a bad %s (%j), naming it, storing nothing', async (field, overrides) => {
    await expectRefused(() => asEditor('', 'POST', valid(overrides)), field);
  });

  it('refuses a slug another page has', async () => {
    const first = valid();
    expect((await asEditor('', 'POST', first)).status).toBe(201);
    await expectRefused(() => asEditor('', 'POST', valid({ slug: first.slug })), 'slug');
  });

  it('accepts a page restricted to roles, or to a clinic', async () => {
    const clinic = await fixtures(cms.strapi).clinic();
    const byRoles = valid({ audience: 'restricted', roles: ['support-agent', 'support-lead'] });
    const byClinic = valid({ audience: 'restricted', clinicDocumentId: clinic.documentId });
    expect((await asEditor('', 'POST', byRoles)).status).toBe(201);
    expect((await asEditor('', 'POST', byClinic)).status).toBe(201);
  });

  it('refuses an edit that would leave a restricted page without readers, changing nothing', async () => {
    const created = await asEditor('', 'POST', valid({ audience: 'restricted', roles: ['staff'] }));
    const { documentId } = created.body.data;
    const { status, body } = await asEditor(`/${documentId}`, 'PUT', { roles: [] });
    expect(status).toBe(400);
    expect(body.error.details.errors[0].path).toEqual(['roles']);
    const stored = await cms.strapi.documents(DOC_PAGE).findOne({ documentId, status: 'draft' });
    expect(stored?.roles).toEqual(['staff']);
  });
});

describe('publishing tells the docs site', () => {
  beforeAll(async () => {
    // The publishes above are told first, in calls of their own.
    await new Promise((resolve) => setTimeout(resolve, 2 * DEBOUNCE_MS));
    docsSite.received.length = 0;
  });

  it('with one debounced call carrying the token and every slug changed', async () => {
    const one = valid();
    const two = valid();
    const [first, second] = await Promise.all([
      asEditor('/actions/publish', 'POST', one),
      asEditor('/actions/publish', 'POST', two),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const calls = await heard(1);
    await new Promise((resolve) => setTimeout(resolve, 2 * DEBOUNCE_MS));
    expect(calls).toEqual([
      {
        authorization: `Bearer ${WEBHOOK_TOKEN}`,
        body: { reason: 'doc-page', slugs: [one.slug, two.slug].sort() },
      },
    ]);

    // Unpublishing and deleting are changes too; editing a draft is not.
    docsSite.received.length = 0;
    const { documentId } = first.body.data;
    await asEditor(`/${documentId}`, 'PUT', { title: 'Только черновик' });
    await asEditor(`/${documentId}/actions/unpublish`, 'POST', {});
    await asEditor(`/${second.body.data.documentId}`, 'DELETE');
    // One call, or two when the machine is slow between them: each slug is told either way.
    const told = (await heard(1)).flatMap((call) => call.body.slugs);
    if (told.length < 2) told.push(...(await heard(2)).slice(1).flatMap((c) => c.body.slugs));
    expect(told.sort()).toEqual([one.slug, two.slug].sort());
  });

  it('also for a page created already published (the API, seeds, scripts)', async () => {
    docsSite.received.length = 0;
    const page = valid();
    await cms.strapi
      .documents('api::doc-page.doc-page')
      .create({ data: { ...page, audience: 'public' }, status: 'published' });
    const [call] = await heard(1);
    expect(call?.body.slugs).toEqual([page.slug]);
  });

  it('retries a failed call once, logs it without the token, and the publish stands', async () => {
    docsSite.received.length = 0;
    logged.length = 0;
    docsSite.answer(500);
    const page = valid();
    const published = await asEditor('/actions/publish', 'POST', page);
    expect(published.status).toBe(200);
    const calls = await heard(2);
    expect(calls.map((call) => call.body.slugs)).toEqual([[page.slug], [page.slug]]);
    expect(logged.some((line) => line.includes('/_docs/rebuild failed'))).toBe(true);
    expect(logged.join('\n')).not.toContain(WEBHOOK_TOKEN);
    const stored = await cms.strapi.documents(DOC_PAGE).findFirst({
      filters: { slug: page.slug },
      status: 'published',
    });
    expect(stored).not.toBeNull();
  });
});
