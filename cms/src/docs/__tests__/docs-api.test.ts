import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { accessTokenOf, createPerson, registerPerson } from '@vixenhealth/tooling/testing/people';

import { DOC_PAGE, USER, USER_ROLE } from '../../content-types/uids';
import type { DocPage, DocPageSummary, DocSearchHit } from '../contracts';

let id: IdTest;
/** Each reader's access token; anonymous has none. */
const tokens: Record<string, string | undefined> = {};
/** This file's pages by name, their slugs unique to the run (the demo pages exist too). */
const slugs: Record<string, string> = {};
const key = randomBytes(3).toString('hex');
/** A word only this file's pages hold, so search results are ours alone. */
const WORD = `зебра${key}`;

const page = (name: string, data: Record<string, unknown>, status: 'published' | 'draft') => {
  slugs[name] = `test-${key}/${name}`;
  return id.cms.strapi.documents(DOC_PAGE).create({
    data: {
      slug: slugs[name],
      title: `Страница ${name}`,
      section: 'Тесты',
      body: `Текст страницы ${name}: ${WORD} и прочее.`,
      ...data,
    } as never,
    status,
  });
};

/** A new ID account whose users-permissions role is `roleType`, as an administrator sets it. */
const personWithRole = async (roleType: string) => {
  const person = await registerPerson(id);
  const role = await id.cms.strapi.db.query(USER_ROLE).findOne({ where: { type: roleType } });
  await id.cms.strapi.db.query(USER).update({ where: { id: person.id }, data: { role: role.id } });
  return accessTokenOf(id, person);
};

/** A new ID account owning a new clinic; the token says so (its `clinics` claim). */
const clinicOwner = async () => {
  const person = await registerPerson(id);
  const clinic = await fixtures(id.cms.strapi).clinic({ owners: [person.documentId] });
  return { clinic: clinic.documentId, token: await accessTokenOf(id, person) };
};

const get = <T>(path: string, reader: string) => id.cms.request<T>(path, { token: tokens[reader] });
const listed = async (reader: string) => {
  const { status, body } = await get<{ data: DocPageSummary[] }>('/api/docs/pages', reader);
  expect(status).toBe(200);
  return body.data.map((summary) => summary.slug);
};
const found = async (reader: string) => {
  const { status, body } = await get<{ data: DocSearchHit[] }>(
    `/api/docs/search?q=${encodeURIComponent(WORD)}`,
    reader
  );
  expect(status).toBe(200);
  return body.data.map((hit) => hit.slug);
};

beforeAll(async () => {
  id = await startIdTest();
  tokens.patient = (await createPerson(id)).token;
  tokens.agent = await personWithRole('support-agent');
  const ownerA = await clinicOwner();
  const ownerB = await clinicOwner();
  tokens.ownerA = ownerA.token;
  tokens.ownerB = ownerB.token;

  await page('public', { audience: 'public', section: 'Клиникам', order: 2 }, 'published');
  await page('signed', { audience: 'signed-in' }, 'published');
  await page(
    'runbook',
    { audience: 'restricted', roles: ['support-agent', 'support-lead'] },
    'published'
  );
  await page('clinic-a', { audience: 'restricted', clinicDocumentId: ownerA.clinic }, 'published');
  await page('draft', { audience: 'public' }, 'draft');
});
afterAll(async () => id?.stop());

/** Who reads which of this file's pages. */
const READS: Record<string, string[]> = {
  anonymous: ['public'],
  patient: ['public', 'signed'],
  agent: ['public', 'signed', 'runbook'],
  ownerA: ['public', 'signed', 'clinic-a'],
  ownerB: ['public', 'signed'],
};
const PAGES = ['public', 'signed', 'runbook', 'clinic-a', 'draft'];

describe.each(Object.entries(READS))('%s', (reader, readable) => {
  it('lists exactly the published pages they may read', async () => {
    const mine = (await listed(reader)).filter((slug) => slug.startsWith(`test-${key}/`));
    expect(mine.sort()).toEqual(readable.map((name) => slugs[name]).sort());
  });

  it('reads those pages by slug, and gets the same 404 for every other', async () => {
    for (const name of PAGES) {
      const { status, body } = await get<{ data: DocPage; error?: unknown }>(
        `/api/docs/pages/${slugs[name]}`,
        reader
      );
      if (readable.includes(name)) {
        expect(status, name).toBe(200);
        expect(body.data.slug).toBe(slugs[name]);
        expect(body.data.body).toContain(WORD);
      } else {
        expect(status, name).toBe(404);
        expect(body).toEqual({
          data: null,
          error: { status: 404, name: 'NotFoundError', message: 'Doc page not found', details: {} },
        });
      }
    }
  });

  it('finds only what they may read', async () => {
    expect((await found(reader)).sort()).toEqual(readable.map((name) => slugs[name]).sort());
  });
});

describe('GET /api/docs/pages', () => {
  it('answers summaries in navigation order: section, order, title', async () => {
    const { body } = await get<{ data: DocPageSummary[] }>('/api/docs/pages', 'agent');
    const sorted = [...body.data].sort(
      (a, b) =>
        a.section.localeCompare(b.section, 'ru') ||
        a.order - b.order ||
        a.title.localeCompare(b.title, 'ru')
    );
    expect(body.data).toEqual(sorted);
    const summary = body.data.find((item) => item.slug === slugs.public)!;
    expect(Object.keys(summary).sort()).toEqual(
      ['audience', 'description', 'order', 'section', 'slug', 'title', 'updatedAt'].sort()
    );
    expect(summary).toMatchObject({ section: 'Клиникам', order: 2, audience: 'public' });
  });

  it('lists the demo network’s public guide to anyone, its runbook to Support only', async () => {
    expect(await listed('anonymous')).toContain('clinics/getting-started');
    expect(await listed('anonymous')).not.toContain('support/runbook');
    expect(await listed('agent')).toContain('support/runbook');
    expect(await listed('ownerA')).not.toContain('support/runbook');
  });
});

describe('the generic content API', () => {
  it('has no route to doc pages, which would know no audience', async () => {
    for (const path of ['/api/doc-pages', `/api/doc-pages?filters[slug][$eq]=${slugs.runbook}`]) {
      expect((await get(path, 'agent')).status, path).toBe(404);
    }
  });
});

describe('GET /api/docs/pages/:slug', () => {
  it('serves the published version, not newer draft edits', async () => {
    await id.cms.strapi.documents(DOC_PAGE).update({
      documentId: (await id.cms.strapi.documents(DOC_PAGE).findFirst({
        filters: { slug: slugs.public },
        status: 'draft',
      }))!.documentId,
      data: { title: 'Черновик заголовка', body: 'Черновик' },
    } as never);
    const { body } = await get<{ data: DocPage }>(`/api/docs/pages/${slugs.public}`, 'anonymous');
    expect(body.data.title).toBe('Страница public');
    expect(body.data.attachments).toEqual([]);
  });

  it('answers 404 for a slug that cannot be one', async () => {
    expect((await get('/api/docs/pages/Not..a/slug', 'anonymous')).status).toBe(404);
  });
});

describe('GET /api/docs/search', () => {
  it('matches words case-insensitively, Cyrillic too, with an excerpt', async () => {
    const { body } = await get<{ data: DocSearchHit[] }>(
      `/api/docs/search?q=${encodeURIComponent(`ТЕКСТ ${WORD.toUpperCase()}`)}`,
      'anonymous'
    );
    expect(body.data).toEqual([
      {
        slug: slugs.public,
        title: 'Страница public',
        section: 'Клиникам',
        excerpt: expect.stringContaining(WORD),
      },
    ]);
  });

  it.each([
    ['', 'missing'],
    ['a', 'too short'],
    ['x'.repeat(101), 'too long'],
  ])('refuses q=%s (%s) with a 400 naming q', async (q) => {
    const { status, body } = await get<any>(`/api/docs/search?q=${q}`, 'anonymous');
    expect(status).toBe(400);
    expect(body.error.name).toBe('ValidationError');
    expect(body.error.details.errors[0].path).toEqual(['q']);
  });
});

describe('a token that is not a valid ID access token', () => {
  it.each([
    ['garbage', 'Bearer not-a-token'],
    ['tampered', () => `Bearer ${tokens.agent!.slice(0, -4)}AAAA`],
    ['another scheme', () => `Basic ${tokens.agent}`],
  ])('%s: 401 on every docs route, never an anonymous answer', async (_name, header) => {
    const authorization = typeof header === 'function' ? header() : header;
    for (const path of [
      '/api/docs/pages',
      `/api/docs/pages/${slugs.public}`,
      '/api/docs/search?q=ab',
    ]) {
      const response = await fetch(`${id.cms.baseUrl}${path}`, { headers: { authorization } });
      expect(response.status, path).toBe(401);
      expect((await response.json()).error.name).toBe('UnauthorizedError');
    }
  });
});
