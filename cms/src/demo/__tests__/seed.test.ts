import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { discover, signInThroughForm } from '@vixenhealth/tooling/testing/relying-party';
import {
  startTestCms,
  TEST_ADMIN,
  type TestCms,
} from '@vixenhealth/tooling/testing/strapi-harness';

import { DEMO_SERVICES } from '../demo-content';
import { DEMO_OWNER_EMAIL, DEMO_PATIENT_EMAIL } from '../demo-users';
import { seedDemoData } from '../seed';

let cms: TestCms;

const CONTENT = [
  'api::specialty.specialty',
  'api::clinic.clinic',
  'api::doctor.doctor',
  'api::service.service',
  'api::page.page',
  'api::review.review',
  'api::review.review-reply',
  'plugin::users-permissions.user',
  'admin::user',
] as const;

/** Every row of every seeded type, with what would change if seeding touched it. */
const snapshot = async () =>
  Object.fromEntries(
    await Promise.all(
      CONTENT.map(async (uid) => {
        const rows = await cms.strapi.db.query(uid).findMany({
          select: ['id', 'updatedAt'],
          orderBy: { id: 'asc' },
        });
        return [uid, rows.map((row) => `${row.id}@${new Date(row.updatedAt).toISOString()}`)];
      })
    )
  );

beforeAll(async () => {
  cms = await startTestCms({ DEMO_DATA: 'true' });
});
afterAll(async () => {
  await cms?.stop();
});

describe('test database', () => {
  it('is the one the run asked for: PostgreSQL when TEST_DATABASE_URL is set', () => {
    const client = (cms.strapi.db.config.connection as { client: string }).client;
    expect(client).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite');
  });
});

describe('seed on an empty database', () => {
  it('publishes at least 3 clinics in 2 cities to anonymous readers', async () => {
    const { status, body } = await cms.request('/api/clinics?pagination[pageSize]=100');
    expect(status).toBe(200);
    expect(body.data.length).toBeGreaterThanOrEqual(3);
    const cities = new Set(body.data.map((clinic: { city: string }) => clinic.city));
    expect(cities.size).toBeGreaterThanOrEqual(2);
    for (const clinic of body.data) {
      expect(clinic.slug).toMatch(/^[a-z0-9-]+$/);
      expect(clinic.subdomain).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('publishes 10 doctors, priced services and pages for every clinic', async () => {
    const doctors = await cms.request('/api/doctors?pagination[pageSize]=100');
    expect(doctors.body.meta.pagination.total).toBeGreaterThanOrEqual(10);

    const services = await cms.request('/api/services?pagination[pageSize]=100');
    expect(services.body.data.length).toBeGreaterThan(0);
    for (const service of services.body.data) {
      expect(Number.isInteger(service.price)).toBe(true);
      expect(service.currency).toBe('RUB');
    }

    const clinics = await cms.request('/api/clinics?populate[pages][fields][0]=slug');
    for (const clinic of clinics.body.data) {
      expect(clinic.pages.length, clinic.slug).toBeGreaterThan(0);
    }
  });

  it('creates the demo owner (owning a clinic), the demo patient and the first admin', async () => {
    const users = cms.strapi.db.query('plugin::users-permissions.user');
    const owner = await users.findOne({ where: { email: DEMO_OWNER_EMAIL } });
    expect(owner).toBeTruthy();
    expect(await users.findOne({ where: { email: DEMO_PATIENT_EMAIL } })).toBeTruthy();
    const owned = await cms.strapi.db
      .query('api::clinic.clinic')
      .count({ where: { owners: { id: owner.id }, publishedAt: { $notNull: true } } });
    expect(owned).toBeGreaterThan(0);
    expect(
      await cms.strapi.db.query('admin::user').count({ where: { email: TEST_ADMIN.email } })
    ).toBe(1);
  });

  it('signs the demo patient in to VixenHealth ID with the demo password', async () => {
    const portal = await discover(`${cms.baseUrl}/id`, 'portal');
    const flow = await signInThroughForm(portal, {
      email: DEMO_PATIENT_EMAIL,
      password: process.env.DEMO_USER_PASSWORD!,
    });
    expect(flow.callback?.searchParams.get('code')).toBeTruthy();
  });
});

describe('demo reviews', () => {
  it('include approved public ones (one answered), a pending one and a private one', async () => {
    const rows = await cms.strapi.db.query('api::review.review').findMany({ populate: ['reply'] });
    const kinds = rows.map((row) => `${row.moderationStatus}/${row.visibility}`);
    expect(kinds).toEqual(
      expect.arrayContaining(['approved/public', 'pending/public', 'pending/private'])
    );
    expect(rows.some((row) => row.reply?.moderationStatus === 'approved')).toBe(true);

    const { body } = await cms.request('/api/reviews?populate=reply');
    const approvedPublic = rows.filter(
      (row) => row.moderationStatus === 'approved' && row.visibility === 'public'
    );
    expect(body.data.map((review: { documentId: string }) => review.documentId).sort()).toEqual(
      approvedPublic.map((row) => row.documentId).sort()
    );
    const clinic = body.data.find(
      (review: { targetType: string }) => review.targetType === 'clinic'
    );
    const summary = await cms.request(
      `/api/reviews/summary?targetType=clinic&clinic=${rows.find((row) => row.documentId === clinic.documentId)!.targetKey.split(':')[1]}`
    );
    expect(summary.body.data).toMatchObject({ count: 1, average: clinic.rating });
  });
});

describe('seed again', () => {
  it('creates nothing and changes nothing', async () => {
    const before = await snapshot();
    const report = await seedDemoData(cms.strapi);
    expect(report.created).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it('recreates a deleted demo clinic with its pages and services, and nothing else', async () => {
    const slug = 'zorkiy-vzglyad';
    const clinic = await cms.strapi
      .documents('api::clinic.clinic')
      .findFirst({ filters: { slug }, status: 'draft' });
    const pagesBefore = await cms.strapi.db.query('api::page.page').count();
    await cms.strapi.documents('api::clinic.clinic').delete({ documentId: clinic!.documentId });
    // Its pages went with it, both draft and published rows.
    expect(await cms.strapi.db.query('api::page.page').count()).toBe(pagesBefore - 6);

    const report = await seedDemoData(cms.strapi);
    const services = DEMO_SERVICES.filter((service) => service.clinic === slug).length;
    expect(report.created).toBe(1 + services + 3);
    const { body } = await cms.request(`/api/clinics?filters[slug][$eq]=${slug}&populate=pages`);
    expect(body.data).toHaveLength(1);
    expect(body.data[0].pages).toHaveLength(3);
  });
});
