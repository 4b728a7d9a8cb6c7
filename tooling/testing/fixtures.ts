import { randomBytes } from 'node:crypto';

import type { Core } from '@strapi/strapi';

type Status = 'published' | 'draft';
type Data = Record<string, unknown>;

const unique = () => randomBytes(4).toString('hex');

/**
 * Test data written through the real Document Service, so content rules and schema validation
 * apply exactly as they do for editors.
 */
export const fixtures = (strapi: Core.Strapi) => {
  const create = async (uid: string, data: Data, status: Status) =>
    (await strapi.documents(uid as never).create({ data, status } as never)) as unknown as {
      documentId: string;
    } & Data;

  return {
    clinic(data: Data = {}, status: Status = 'published') {
      const key = unique();
      return create(
        'api::clinic.clinic',
        {
          name: `Клиника ${key}`,
          slug: `clinic-${key}`,
          subdomain: `clinic-${key}`,
          city: 'Москва',
          address: 'ул. Пример, д. 1',
          accountStatus: 'active',
          ...data,
        },
        status
      );
    },
    doctor(data: Data = {}, status: Status = 'published') {
      const key = unique();
      return create(
        'api::doctor.doctor',
        { fullName: `Доктор ${key}`, slug: `doctor-${key}`, ...data },
        status
      );
    },
    service(clinic: string, data: Data = {}, status: Status = 'published') {
      return create(
        'api::service.service',
        { name: `Услуга ${unique()}`, price: 150000, currency: 'RUB', clinic, ...data },
        status
      );
    },
    page(clinic: string, data: Data = {}, status: Status = 'published') {
      const key = unique();
      return create(
        'api::page.page',
        { title: `Страница ${key}`, slug: `page-${key}`, clinic, ...data },
        status
      );
    },
    specialty(data: Data = {}) {
      const key = unique();
      return create(
        'api::specialty.specialty',
        { name: `Специальность ${key}`, slug: `specialty-${key}`, ...data },
        'published'
      );
    },
  };
};
