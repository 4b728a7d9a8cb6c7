import type { ReadResult } from '@vixenhealth/api-client';

import { cms, timeout } from './cms';

export type Clinic = NonNullable<ReadResult<'/clinics'>['data']>[number];

/** What the directory's form asks for: all optional; the page, from 1. */
export interface ClinicSearch {
  q: string;
  city: string;
  specialty: string;
  page: number;
}

const PAGE_SIZE = 12;

/** The directory's query string, read leniently: anything odd is treated as not given. */
export const readClinicSearch = (params: URLSearchParams): ClinicSearch => {
  const text = (name: string) => (params.get(name) ?? '').trim().slice(0, 100);
  const page = Number(params.get('page'));
  return {
    q: text('q'),
    city: text('city'),
    specialty: text('specialty'),
    page: Number.isInteger(page) && page > 0 && page <= 1000 ? page : 1,
  };
};

/**
 * Spellings of a name query to look for: as typed, lower case, and capitalised. SQLite (the
 * default database) compares case-insensitively in ASCII only, so "лисья" alone would miss
 * "Лисья тропа"; PostgreSQL needs no help but is not harmed.
 */
const spellings = (q: string) => {
  const lower = q.toLocaleLowerCase('ru');
  return [...new Set([q, lower, lower.charAt(0).toLocaleUpperCase('ru') + lower.slice(1)])];
};

/**
 * Published, active clinics matching `search`, best rated first, a page at a time; the CMS
 * does the filtering (Strapi filters), so the directory works the same without JavaScript.
 *
 * @example
 * ```ts
 * const { clinics, total } = await searchClinics({ q: '', city: 'Москва', specialty: '', page: 1 });
 * ```
 */
export const searchClinics = async (search: ClinicSearch) => {
  const answer = await cms().get('/clinics', {
    query: {
      filters: {
        ...(search.q ? { $or: spellings(search.q).map((q) => ({ name: { $containsi: q } })) } : {}),
        ...(search.city ? { city: { $eq: search.city } } : {}),
        ...(search.specialty ? { specialties: { slug: { $eq: search.specialty } } } : {}),
      },
      populate: ['specialties'],
      sort: ['ratingAverage:desc', 'name:asc'],
      pagination: { page: search.page, pageSize: PAGE_SIZE },
    },
    signal: timeout(),
  });
  // Strapi always sends the pagination, though the OpenAPI description leaves `meta` out.
  const { pagination } =
    (answer as { meta?: { pagination?: { total: number; pageCount: number } } }).meta ?? {};
  return {
    clinics: answer.data ?? [],
    total: pagination?.total ?? 0,
    pageCount: pagination?.pageCount ?? 1,
  };
};

/** The cities there are clinics in, for the directory's choice; in alphabetical order. */
export const clinicCities = async (): Promise<string[]> => {
  const { data } = await cms().get('/clinics', {
    query: { fields: ['city'], pagination: { pageSize: 500 } },
    signal: timeout(),
  });
  return [...new Set((data ?? []).map((clinic) => clinic.city))].sort((a, b) =>
    a.localeCompare(b, 'ru')
  );
};

/** Every specialty, by name. */
export const specialties = async () =>
  (
    await cms().get('/specialties', {
      query: { fields: ['name', 'slug'], sort: ['name:asc'], pagination: { pageSize: 200 } },
      signal: timeout(),
    })
  ).data ?? [];

/** The published, active clinic with this slug and what its page shows, or null. */
export const clinicBySlug = async (slug: string | undefined): Promise<Clinic | null> => {
  if (!slug) return null;
  const { data } = await cms().get('/clinics', {
    query: {
      filters: { slug: { $eq: slug } },
      // Of its relations, only the clinic's page reads one: its phones.
      populate: ['phones'],
    },
    signal: timeout(),
  });
  return data?.[0] ?? null;
};

/** A clinic's services and prices, by name. */
export const servicesOf = async (clinicDocumentId: string) =>
  (
    await cms().get('/services', {
      query: {
        filters: { clinic: { documentId: { $eq: clinicDocumentId } } },
        sort: ['name:asc'],
        pagination: { pageSize: 200 },
      },
      signal: timeout(),
    })
  ).data ?? [];
