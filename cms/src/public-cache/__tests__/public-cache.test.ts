import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import { CLINIC, DOCTOR, SERVICE } from '../../content-types/uids';
import { redisAnswerStore } from '../redis-store';

// One CMS with its cache in Redis under a prefix of its own; a second store on the same Redis
// stands for another node.
const REDIS_URL = 'redis://127.0.0.1:6379';
const REDIS_PREFIX = `test-${randomBytes(6).toString('hex')}:`;

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
  cms = await startTestCms({ REDIS_URL, REDIS_PREFIX });
  make = fixtures(cms.strapi);
  world.clinic = await make.clinic();
  world.other = await make.clinic();
  world.doctor = await make.doctor({ clinics: [world.other.documentId] });
  world.service = await make.service(world.clinic.documentId);
});

afterAll(async () => {
  await cms?.stop();
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
