import { domainToUnicode } from 'node:url';

import type { UID } from '@strapi/strapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

let cms: TestCms;
let make: ReturnType<typeof fixtures>;
let clinicA: { documentId: string; id?: number };
let clinicB: { documentId: string };

const CM = '/content-manager/collection-types';

/** Saves a draft the way an editor does in the admin panel. */
const createAsEditor = async (uid: string, data: Record<string, unknown>) =>
  cms.request(`${CM}/${uid}`, { method: 'POST', body: data, token: await cms.adminToken() });

/** Creates and publishes an entry at once, as the admin panel's "Publish" button does. */
const publishAsEditor = async (uid: string, data: Record<string, unknown>) =>
  cms.request(`${CM}/${uid}/actions/publish`, {
    method: 'POST',
    body: data,
    token: await cms.adminToken(),
  });

const updateAsEditor = async (uid: string, documentId: string, data: Record<string, unknown>) =>
  cms.request(`${CM}/${uid}/${documentId}`, {
    method: 'PUT',
    body: data,
    token: await cms.adminToken(),
  });

const count = (uid: UID.ContentType) => cms.strapi.db.query(uid).count();

const validClinic = (overrides: Record<string, unknown> = {}) => ({
  name: 'Клиника Проверка',
  slug: `check-${Math.random().toString(36).slice(2, 8)}`,
  subdomain: `check-${Math.random().toString(36).slice(2, 8)}`,
  city: 'Москва',
  address: 'ул. Проверочная, д. 5',
  ...overrides,
});

/** A 400 naming `field`, and nothing of `uid` stored. */
const expectRefused = async (
  uid: UID.ContentType,
  write: () => Promise<{ status: number; body: any }>,
  field: string
) => {
  const before = await count(uid);
  const { status, body } = await write();
  expect(status).toBe(400);
  expect(body.error.name).toBe('ValidationError');
  const paths = body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'));
  expect(paths).toContain(field);
  expect(await count(uid)).toBe(before);
  return body.error;
};

beforeAll(async () => {
  cms = await startTestCms();
  make = fixtures(cms.strapi);
  clinicA = await make.clinic({ subdomain: 'taken', slug: 'taken-slug' });
  clinicB = await make.clinic();
});

afterAll(async () => {
  await cms?.stop();
});

describe('create a clinic', () => {
  it('accepts a valid clinic and normalises its subdomain and domain', async () => {
    const { status, body } = await createAsEditor(
      'api::clinic.clinic',
      validClinic({ subdomain: 'New-Clinic', customDomain: 'Клиника-Тест.РФ' })
    );
    expect(status).toBe(201);
    expect(body.data.subdomain).toBe('new-clinic');
    expect(body.data.customDomain).toMatch(/^xn--[a-z0-9-]+\.xn--p1ai$/);
    expect(domainToUnicode(body.data.customDomain)).toBe('клиника-тест.рф');
  });

  it.each([
    ['a bad subdomain', { subdomain: 'not valid!' }, 'subdomain'],
    ['a subdomain ending in a hyphen', { subdomain: 'clinic-' }, 'subdomain'],
    ['a reserved subdomain', { subdomain: 'support' }, 'subdomain'],
    ['another reserved subdomain', { subdomain: 'www' }, 'subdomain'],
    ['a subdomain already taken', { subdomain: 'taken' }, 'subdomain'],
    ['a slug already taken', { slug: 'taken-slug' }, 'slug'],
    ['a custom domain that is not a domain', { customDomain: 'not a domain' }, 'customDomain'],
    ['a custom domain of the platform', { customDomain: 'evil.vixenhealth.ru' }, 'customDomain'],
    ['an invalid email', { email: 'not-an-email' }, 'email'],
    ['an invalid phone', { phones: [{ number: '8 (800) ABC' }] }, 'phones.0.number'],
    [
      'opening hours that close before they open',
      { openingHours: [{ day: 'monday', opens: '18:00:00.000', closes: '09:00:00.000' }] },
      'openingHours.0.closes',
    ],
  ])('refuses %s', async (_case, overrides, field) => {
    await expectRefused(
      'api::clinic.clinic',
      () => createAsEditor('api::clinic.clinic', validClinic(overrides)),
      field
    );
  });

  it('says why a reserved subdomain is refused', async () => {
    const error = await expectRefused(
      'api::clinic.clinic',
      () => createAsEditor('api::clinic.clinic', validClinic({ subdomain: 'docs' })),
      'subdomain'
    );
    expect(error.details.errors[0].message).toMatch(/reserved/);
  });
});

describe('publish a clinic', () => {
  it('publishes a complete clinic for everyone to read', async () => {
    const { status, body } = await publishAsEditor('api::clinic.clinic', validClinic());
    expect(status).toBe(200);
    const read = await cms.request(`/api/clinics/${body.data.documentId}`);
    expect(read.status).toBe(200);
  });

  it('keeps an unfinished draft, but refuses to publish it', async () => {
    const draft = await createAsEditor('api::clinic.clinic', validClinic({ city: undefined }));
    expect(draft.status).toBe(201);
    await expectRefused(
      'api::clinic.clinic',
      () => publishAsEditor('api::clinic.clinic', validClinic({ city: undefined })),
      'city'
    );
  });
});

describe('update a clinic', () => {
  it('refuses a reserved subdomain and keeps the old one', async () => {
    await expectRefused(
      'api::clinic.clinic',
      () => updateAsEditor('api::clinic.clinic', clinicB.documentId, { subdomain: 'id' }),
      'subdomain'
    );
    const stored = await cms.strapi
      .documents('api::clinic.clinic')
      .findOne({ documentId: clinicB.documentId, status: 'draft' });
    expect(stored?.subdomain).not.toBe('id');
  });
});

describe('create a service', () => {
  it('accepts a price of zero', async () => {
    const { status } = await createAsEditor('api::service.service', {
      name: 'Бесплатная консультация',
      price: 0,
      clinic: { connect: [{ documentId: clinicA.documentId }] },
    });
    expect(status).toBe(201);
  });

  it.each([
    ['a negative price', { price: -100 }, 'price'],
    ['a fractional price', { price: 10.5 }, 'price'],
    ['an unknown currency', { currency: 'BTC' }, 'currency'],
    ['no clinic', { clinic: undefined }, 'clinic'],
    ['a clinic that does not exist', { clinic: { connect: [{ documentId: 'nope' }] } }, 'clinic'],
  ])('refuses %s', async (_case, overrides, field) => {
    await expectRefused(
      'api::service.service',
      () =>
        createAsEditor('api::service.service', {
          name: 'Приём',
          price: 100000,
          clinic: { connect: [{ documentId: clinicA.documentId }] },
          ...overrides,
        }),
      field
    );
  });
});

describe('create a page', () => {
  it('allows the same slug in two different clinics', async () => {
    for (const clinic of [clinicA, clinicB]) {
      const { status } = await createAsEditor('api::page.page', {
        title: 'Контакты',
        slug: 'contacts',
        clinic: { connect: [{ documentId: clinic.documentId }] },
      });
      expect(status).toBe(201);
    }
  });

  it('refuses a slug already used in the same clinic', async () => {
    const error = await expectRefused(
      'api::page.page',
      () =>
        createAsEditor('api::page.page', {
          title: 'Контакты 2',
          slug: 'contacts',
          clinic: { connect: [{ documentId: clinicA.documentId }] },
        }),
      'slug'
    );
    expect(error.details.errors[0].message).toMatch(/already used/);
  });

  it('refuses a page without a clinic', async () => {
    await expectRefused(
      'api::page.page',
      () => createAsEditor('api::page.page', { title: 'Ничья', slug: 'orphan' }),
      'clinic'
    );
  });

  it('refuses moving a page into a clinic that already has its slug', async () => {
    const page = await make.page(clinicB.documentId, { slug: 'prices' });
    await make.page(clinicA.documentId, { slug: 'prices' }, 'draft');
    await expectRefused(
      'api::page.page',
      () =>
        updateAsEditor('api::page.page', page.documentId, {
          clinic: { connect: [{ documentId: clinicA.documentId }], disconnect: [] },
        }),
      'slug'
    );
  });
});
