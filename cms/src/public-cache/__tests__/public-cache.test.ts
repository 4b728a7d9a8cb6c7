import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { createPerson } from '@vixenhealth/tooling/testing/people';
import type { TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import { CLINIC, DOCTOR, SERVICE } from '../../content-types/uids';
import { redisAnswerStore } from '../redis-store';

// One CMS with its cache in Redis under a prefix of its own; a second store on the same Redis
// stands for another node.
const REDIS_URL = 'redis://127.0.0.1:6379';
const REDIS_PREFIX = `test-${randomBytes(6).toString('hex')}:`;

let id: IdTest;
let cms: TestCms;
let make: ReturnType<typeof fixtures>;
const world: Record<string, { documentId: string; [key: string]: any }> = {};

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  ids: string[];
}

const get = async (path: string, headers: Record<string, string> = {}): Promise<Answer> => {
  const response = await fetch(`${cms.baseUrl}${path}`, { headers });
  const text = await response.text();
  const data = text ? (JSON.parse(text) as { data?: unknown }).data : undefined;
  const ids = Array.isArray(data)
    ? data.map((entry: { documentId: string }) => entry.documentId)
    : [];
  return { status: response.status, headers: response.headers, text, ids };
};

const CLINICS = '/api/clinics?populate=*&pagination[pageSize]=100';

beforeAll(async () => {
  // With ID, whose people's access tokens are bearers the cache must never keep answers for.
  id = await startIdTest({ env: { REDIS_URL, REDIS_PREFIX, DEMO_DATA: 'false' } });
  cms = id.cms;
  make = fixtures(cms.strapi);
  world.clinic = await make.clinic();
  world.other = await make.clinic();
  world.doctor = await make.doctor({ clinics: [world.other.documentId] });
  world.service = await make.service(world.clinic.documentId);
});

afterAll(async () => {
  await id?.stop();
});

describe('an anonymous public read', () => {
  it('is answered once from the database, then from the cache, byte for byte', async () => {
    const first = await get(CLINICS);
    const second = await get(CLINICS);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.text).toBe(first.text);
    expect(second.ids).toEqual(expect.arrayContaining([world.clinic.documentId]));
    // The security middlewares' headers, though a hit skips them.
    for (const header of ['x-content-type-options', 'x-frame-options', 'x-powered-by']) {
      expect(second.headers.get(header), header).toBe(first.headers.get(header));
      expect(second.headers.get(header), header).toBeTruthy();
    }
  });

  it("answers each site's browser with its own CORS header", async () => {
    for (const origin of ['https://one.example', 'https://two.example', 'https://one.example']) {
      const answer = await get(CLINICS, { origin });
      expect(answer.headers.get('access-control-allow-origin')).toMatch(
        new RegExp(`^(\\*|${origin.replace(/\./g, '\\.')})$`)
      );
    }
    expect((await get(CLINICS, { origin: 'https://one.example' })).headers.get('x-cache')).toBe(
      'HIT'
    );
  });

  it('is the same answer whatever the order of the query', async () => {
    await get('/api/services?sort=name&pagination[pageSize]=5');
    const reordered = await get('/api/services?pagination[pageSize]=5&sort=name');
    expect(reordered.headers.get('x-cache')).toBe('HIT');
  });

  it('carries a strong ETag and Cache-Control a proxy can use, and answers 304 to a client that has it', async () => {
    const { headers } = await get(CLINICS);
    const etag = headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(headers.get('cache-control')).toBe('public, max-age=1, stale-while-revalidate=60');
    expect(headers.get('vary')).toMatch(/authorization/i);

    const again = await get(CLINICS, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    const changed = await get(CLINICS, { 'if-none-match': '"something-else"' });
    expect(changed.status).toBe(200);
  });
});

describe('a change', () => {
  it('is served at once after a publish: a new clinic is in the next list', async () => {
    await get(CLINICS);
    const added = await make.clinic();
    const after = await get(CLINICS);
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(after.ids).toContain(added.documentId);
  });

  it('of a clinic (its suspension) purges answers of other types that depend on it', async () => {
    const doctors = await get('/api/doctors?pagination[pageSize]=100');
    expect(doctors.ids).toContain(world.doctor.documentId);
    await get(CLINICS);

    // As the admin panel suspends a clinic: an update of the published entry.
    await cms.strapi.documents(CLINIC).update({
      documentId: world.other.documentId,
      data: { accountStatus: 'suspended' } as never,
      status: 'published',
    });

    expect((await get(CLINICS)).ids).not.toContain(world.other.documentId);
    // The doctor works only there: hidden with it, though no doctor was written.
    expect((await get('/api/doctors?pagination[pageSize]=100')).ids).not.toContain(
      world.doctor.documentId
    );
  });

  it('unpublished or deleted is gone from the next answer', async () => {
    const path = `/api/services/${world.service.documentId}`;
    expect((await get(path)).status).toBe(200);
    expect((await get(path)).headers.get('x-cache')).toBe('HIT');

    await cms.strapi.documents(SERVICE).unpublish({ documentId: world.service.documentId });
    expect((await get(path)).status).toBe(404);

    const doctor = await make.doctor({ clinics: [world.clinic.documentId] });
    const doctorPath = `/api/doctors/${doctor.documentId}`;
    await get(doctorPath);
    await cms.strapi.documents(DOCTOR).delete({ documentId: doctor.documentId });
    expect((await get(doctorPath)).status).toBe(404);
  });

  it('made on another node (through the shared Redis) makes this node answer afresh', async () => {
    await get(CLINICS);
    expect((await get(CLINICS)).headers.get('x-cache')).toBe('HIT');

    const otherNode = redisAnswerStore(REDIS_URL, REDIS_PREFIX);
    try {
      await otherNode.bump([CLINIC]);
    } finally {
      await otherNode.close();
    }
    expect((await get(CLINICS)).headers.get('x-cache')).toBe('MISS');
  });

  it('rolled back purges nothing it should not, and leaves no stale answer', async () => {
    await get(CLINICS);
    await expect(
      cms.strapi.db.transaction(async () => {
        await cms.strapi.documents(CLINIC).update({
          documentId: world.clinic.documentId,
          data: { name: 'Переименована' } as never,
          status: 'published',
        });
        throw new Error('rolled back on purpose');
      })
    ).rejects.toThrow('rolled back on purpose');
    const after = await get(CLINICS);
    expect(after.headers.get('x-cache')).toBe('HIT');
    expect(after.text).not.toContain('Переименована');
  });
});

describe('what is never cached', () => {
  it('an answer to a request with credentials, even a bad token', async () => {
    const withToken = await get(CLINICS, { authorization: 'Bearer not-a-token' });
    expect(withToken.headers.get('x-cache')).toBeNull();
  });

  it("a signed-in route's refusal (a public one of the same area is)", async () => {
    const mine = await get('/api/reviews/mine');
    expect(mine.status).toBe(401);
    expect(mine.headers.get('x-cache')).toBeNull();
    const summary = `/api/reviews/summary?targetType=clinic&clinic=${world.clinic.documentId}`;
    expect((await get(summary)).status).toBe(200);
    expect((await get(summary)).headers.get('x-cache')).toBe('HIT');
  });

  it('an error: a clinic that does not exist is looked up every time', async () => {
    const missing = await get('/api/clinics/no-such-clinic');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-cache')).toBe(null);
  });
});

interface ApiToken {
  id: number;
  accessKey: string;
}

type TokenType = 'read-only' | 'full-access' | 'custom';

/** Made through the admin API by the Super Admin, as in the panel's Settings › API Tokens. */
const createApiToken = async (type: TokenType, permissions: string[] = []): Promise<ApiToken> => {
  const created = await cms.request<{ data: ApiToken }>('/admin/api-tokens', {
    method: 'POST',
    token: await cms.adminToken(),
    body: { name: `cache-${randomBytes(4).toString('hex')}`, type, lifespan: null, permissions },
  });
  expect(created.status).toBe(201);
  return created.body.data;
};

const adminApi = async (method: string, path: string, body?: unknown) => {
  const answer = await cms.request(`/admin/api-tokens${path}`, {
    method,
    body,
    token: await cms.adminToken(),
  });
  expect([200, 201], `${method} ${path}`).toContain(answer.status);
  return answer.body as { data: ApiToken };
};

const bearer = (token: { accessKey: string }) => ({
  authorization: `Bearer ${token.accessKey}`,
});

/** A path no other test asks for: its first answer is a miss for everyone. */
const UNASKED = '/api/specialties?pagination[pageSize]=42';

describe('a read with an API token', () => {
  it("is cached for the token's class, privately, and a publish makes it fresh", async () => {
    const token = await createApiToken('read-only');
    const first = await get(CLINICS, bearer(token));
    const second = await get(CLINICS, bearer(token));
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.text).toBe(first.text);
    // Another read-only token sees exactly the same: it shares the answer.
    expect(
      (await get(CLINICS, bearer(await createApiToken('read-only')))).headers.get('x-cache')
    ).toBe('HIT');
    // Only tokens may ask for it: a shared cache in front must not keep it for anyone else.
    expect(second.headers.get('cache-control')).toMatch(/^private, /);

    const added = await make.clinic();
    const after = await get(CLINICS, bearer(token));
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(after.ids).toContain(added.documentId);
  });

  it('never shares an answer with an anonymous caller, nor a token class with another', async () => {
    const readOnly = await createApiToken('read-only');
    const fullAccess = await createApiToken('full-access');
    expect((await get(UNASKED, bearer(readOnly))).headers.get('x-cache')).toBe('MISS');
    expect((await get(UNASKED)).headers.get('x-cache')).toBe('MISS');
    expect((await get(UNASKED, bearer(fullAccess))).headers.get('x-cache')).toBe('MISS');
    expect((await get(UNASKED)).headers.get('x-cache')).toBe('HIT');
    expect((await get(UNASKED, bearer(readOnly))).headers.get('x-cache')).toBe('HIT');

    // The public may list clinics and its answer is cached; a token that may not gets Strapi's 403.
    await get(CLINICS);
    expect((await get(CLINICS)).headers.get('x-cache')).toBe('HIT');
    const doctorsOnly = await createApiToken('custom', ['api::doctor.doctor.find']);
    const refused = await get(CLINICS, bearer(doctorsOnly));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-cache')).toBeNull();
    expect((await get(CLINICS, bearer(doctorsOnly))).status).toBe(403);
    expect((await get('/api/doctors', bearer(doctorsOnly))).status).toBe(200);
  });

  it('of a custom token narrowed since is not answered with what its old rights allowed', async () => {
    const token = await createApiToken('custom', [
      'api::clinic.clinic.find',
      'api::doctor.doctor.find',
    ]);
    await get(CLINICS, bearer(token));
    expect((await get(CLINICS, bearer(token))).headers.get('x-cache')).toBe('HIT');

    await adminApi('PUT', `/${token.id}`, { permissions: ['api::doctor.doctor.find'] });
    const narrowed = await get(CLINICS, bearer(token));
    expect(narrowed.status).toBe(403);
    expect(narrowed.headers.get('x-cache')).toBeNull();
  });

  it('of a deleted, regenerated or expired token is refused at once though its answer is cached', async () => {
    const deleted = await createApiToken('read-only');
    const regenerated = await createApiToken('full-access');
    const expiring = await createApiToken('read-only');
    for (const token of [deleted, regenerated, expiring]) {
      await get(CLINICS, bearer(token));
      expect((await get(CLINICS, bearer(token))).headers.get('x-cache')).toBe('HIT');
    }

    await adminApi('DELETE', `/${deleted.id}`);
    const { data: renewed } = await adminApi('POST', `/${regenerated.id}/regenerate`);
    // As if its lifespan ran out a moment ago.
    await cms.strapi.db
      .query('admin::api-token')
      .update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    for (const token of [deleted, regenerated, expiring]) {
      const refused = await get(CLINICS, bearer(token));
      expect(refused.status).toBe(401);
      expect(refused.headers.get('x-cache')).toBeNull();
    }
    expect((await get(CLINICS, bearer(renewed))).headers.get('x-cache')).toBe('HIT');
  });

  it('served from the cache counts as a use of the token, as Strapi records it', async () => {
    const token = await createApiToken('read-only');
    await get(CLINICS, bearer(token));
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await cms.strapi.db
      .query('admin::api-token')
      .update({ where: { id: token.id }, data: { lastUsedAt: twoHoursAgo } });

    expect((await get(CLINICS, bearer(token))).headers.get('x-cache')).toBe('HIT');
    const { lastUsedAt } = await cms.strapi.db
      .query('admin::api-token')
      .findOne({ where: { id: token.id }, select: ['lastUsedAt'] });
    expect(new Date(lastUsedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('is purged by a draft saved, not only by a publish', async () => {
    const token = await createApiToken('full-access');
    await get(CLINICS, bearer(token));
    expect((await get(CLINICS, bearer(token))).headers.get('x-cache')).toBe('HIT');

    // As the admin panel saves an edit without publishing it: a write of the draft row only.
    await cms.strapi.documents(CLINIC).update({
      documentId: world.clinic.documentId,
      data: { name: 'Черновик' } as never,
    });
    const after = await get(CLINICS, bearer(token));
    expect(after.headers.get('x-cache')).toBe('MISS');
    // The public read controllers answer published entries only, to tokens too.
    expect(after.text).not.toContain('Черновик');
    const drafts = await get(`${CLINICS}&status=draft`, bearer(token));
    expect(drafts.status).toBe(200);
    expect(drafts.text).not.toContain('Черновик');
  });
});

describe('a read with a bearer that is not an API token', () => {
  it("(a person's ID access token) is never cached", async () => {
    const person = await createPerson(id);
    const headers = { authorization: `Bearer ${person.token}` };
    for (const answer of [await get(CLINICS, headers), await get(CLINICS, headers)]) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-cache')).toBeNull();
    }
  });
});
