import type { ReadResult } from '@vixenhealth/api-client';

import { cms, timeout } from './cms';

export type Doctor = NonNullable<ReadResult<'/doctors'>['data']>[number];

/** The doctor with this slug (working in at least one active clinic), with their clinics; or null. */
export const doctorBySlug = async (slug: string | undefined): Promise<Doctor | null> => {
  if (!slug) return null;
  const { data } = await cms().get('/doctors', {
    query: {
      filters: { slug: { $eq: slug } },
      populate: { specialty: true, clinics: { fields: ['name', 'slug', 'city'] } },
    },
    signal: timeout(),
  });
  return data?.[0] ?? null;
};

/** A clinic's doctors, by name. */
export const doctorsOf = async (clinicDocumentId: string) =>
  (
    await cms().get('/doctors', {
      query: {
        filters: { clinics: { documentId: { $eq: clinicDocumentId } } },
        populate: ['specialty'],
        sort: ['fullName:asc'],
        pagination: { pageSize: 100 },
      },
      signal: timeout(),
    })
  ).data ?? [];
