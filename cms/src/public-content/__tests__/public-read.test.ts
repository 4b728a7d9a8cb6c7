import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

let cms: TestCms;
let make: ReturnType<typeof fixtures>;

type Entry = { documentId: string; [key: string]: any };
const ids = (entries: Entry[]) => entries.map((entry) => entry.documentId);

// One small network: an active clinic in Moscow with a doctor, service and page; a clinic in
// Kazan; a suspended clinic with its own doctor, service and page; and unpublished drafts.
const world: Record<string, Entry> = {};

beforeAll(async () => {
  cms = await startTestCms();
  make = fixtures(cms.strapi);
  world.cardiology = await make.specialty({ name: 'Кардиология', slug: 'cardiology' });
  world.active = await make.clinic({
    city: 'Москва',
    subdomain: 'active-clinic',
    customDomain: 'active-clinic.ru',
    verifiedDomain: 'active-clinic.ru',
    specialties: [world.cardiology.documentId],
  });
  world.kazan = await make.clinic({ city: 'Казань' });
  world.suspended = await make.clinic({
    accountStatus: 'suspended',
    subdomain: 'suspended-clinic',
  });
  world.draftClinic = await make.clinic({ subdomain: 'draft-clinic' }, 'draft');

  world.sharedDoctor = await make.doctor({
    clinics: [world.active.documentId, world.suspended.documentId],
  });
  world.suspendedOnlyDoctor = await make.doctor({ clinics: [world.suspended.documentId] });
  world.draftDoctor = await make.doctor({ clinics: [world.active.documentId] }, 'draft');

  world.activeService = await make.service(world.active.documentId);
  world.suspendedService = await make.service(world.suspended.documentId);
  world.draftService = await make.service(world.active.documentId, {}, 'draft');

  world.activePage = await make.page(world.active.documentId, { slug: 'about' });
  world.suspendedPage = await make.page(world.suspended.documentId, { slug: 'about' });
  world.draftPage = await make.page(world.active.documentId, { slug: 'draft' }, 'draft');
});

afterAll(async () => {
  await cms?.stop();
});

describe('anonymous clinic list', () => {
  it('returns published active clinics only', async () => {
    const { status, body } = await cms.request('/api/clinics?pagination[pageSize]=100');
    expect(status).toBe(200);
    expect(ids(body.data).sort()).toEqual([world.active.documentId, world.kazan.documentId].sort());
  });

  it('ignores ?status=draft instead of revealing drafts', async () => {
    const { status, body } = await cms.request('/api/clinics?status=draft');
    expect(status).toBe(200);
    expect(ids(body.data)).not.toContain(world.draftClinic.documentId);
    expect(ids(body.data)).not.toContain(world.suspended.documentId);
  });

  it('finds a clinic by subdomain, verified domain, slug, city and specialty', async () => {
    const queries = [
      'filters[subdomain][$eq]=active-clinic',
      'filters[verifiedDomain][$eq]=active-clinic.ru',
      `filters[slug][$eq]=${world.active.slug}`,
      `filters[city][$eq]=${encodeURIComponent('Москва')}`,
      'filters[specialties][slug][$eq]=cardiology',
    ];
    for (const query of queries) {
      const { status, body } = await cms.request(`/api/clinics?${query}`);
      expect(status, query).toBe(200);
      expect(ids(body.data), query).toEqual([world.active.documentId]);
    }
  });

  it('cannot find a suspended clinic by its subdomain', async () => {
    const { body } = await cms.request('/api/clinics?filters[subdomain][$eq]=suspended-clinic');
    expect(body.data).toEqual([]);
  });

  it('paginates with the total of visible clinics', async () => {
    const { body } = await cms.request('/api/clinics?pagination[pageSize]=1&pagination[page]=2');
    expect(body.data).toHaveLength(1);
    expect(body.meta.pagination).toMatchObject({ page: 2, pageSize: 1, pageCount: 2, total: 2 });
  });

  it('never exposes owners or administrators', async () => {
    const plain = await cms.request(`/api/clinics/${world.active.documentId}?populate=*`);
    expect(plain.status).toBe(200);
    expect(plain.body.data).not.toHaveProperty('owners');
    expect(plain.body.data).not.toHaveProperty('administrators');
    const asked = await cms.request(`/api/clinics?populate[owners]=true`);
    expect(asked.status).toBe(400);
  });
});

describe('anonymous clinic by id', () => {
  it('returns an active clinic', async () => {
    const { status, body } = await cms.request(`/api/clinics/${world.active.documentId}`);
    expect(status).toBe(200);
    expect(body.data.subdomain).toBe('active-clinic');
  });

  it('answers 404 for a suspended clinic and for a draft', async () => {
    for (const clinic of [world.suspended, world.draftClinic]) {
      const { status, body } = await cms.request(`/api/clinics/${clinic.documentId}?status=draft`);
      expect(status).toBe(404);
      expect(body.error.name).toBe('NotFoundError');
    }
  });
});

describe('doctors, services and pages', () => {
  it('lists a doctor who works in an active clinic, without the suspended clinic', async () => {
    const { body } = await cms.request('/api/doctors?populate=*&pagination[pageSize]=100');
    expect(ids(body.data)).toEqual([world.sharedDoctor.documentId]);
    expect(ids(body.data[0].clinics)).toEqual([world.active.documentId]);
  });

  it('hides a doctor who only works in a suspended clinic, and draft doctors', async () => {
    for (const doctor of [world.suspendedOnlyDoctor, world.draftDoctor]) {
      const { status } = await cms.request(`/api/doctors/${doctor.documentId}`);
      expect(status).toBe(404);
    }
  });

  it('hides suspended clinics when populated deeply from a clinic', async () => {
    const { body } = await cms.request(
      `/api/clinics/${world.active.documentId}?populate[doctors][populate][clinics]=true`
    );
    const doctor = body.data.doctors.find(
      (entry: Entry) => entry.documentId === world.sharedDoctor.documentId
    );
    expect(ids(doctor.clinics)).toEqual([world.active.documentId]);
  });

  it('lists services and pages of active clinics only', async () => {
    const services = await cms.request('/api/services?pagination[pageSize]=100');
    expect(ids(services.body.data)).toEqual([world.activeService.documentId]);
    const pages = await cms.request('/api/pages?status=draft&pagination[pageSize]=100');
    expect(ids(pages.body.data)).toEqual([world.activePage.documentId]);
  });

  it("finds a clinic's pages by the clinic's subdomain", async () => {
    const { body } = await cms.request(
      '/api/pages?filters[clinic][subdomain][$eq]=active-clinic&filters[slug][$eq]=about&populate=clinic'
    );
    expect(ids(body.data)).toEqual([world.activePage.documentId]);
    expect(body.data[0].clinic.documentId).toBe(world.active.documentId);
  });

  it('does not populate the suspended clinic of a service', async () => {
    const { status } = await cms.request(
      `/api/services/${world.suspendedService.documentId}?populate=clinic`
    );
    expect(status).toBe(404);
  });
});

describe('writes over the public API', () => {
  it('are not routed for anonymous callers', async () => {
    const before = await cms.strapi.db.query('api::clinic.clinic').count();
    const { status } = await cms.request('/api/clinics', {
      method: 'POST',
      body: {
        data: { name: 'Взлом', subdomain: 'hack', city: 'Москва', address: 'ул. Взлома, 1' },
      },
    });
    expect(status).toBe(405);
    expect(await cms.strapi.db.query('api::clinic.clinic').count()).toBe(before);
  });
});
