import { cms, timeout } from './cms';

/** A clinic's published pages (title and slug), in their order, for menus and the sitemap. */
export const pagesOf = async (clinicDocumentId: string) =>
  (
    await cms().get('/pages', {
      query: {
        filters: { clinic: { documentId: { $eq: clinicDocumentId } } },
        fields: ['title', 'slug', 'updatedAt'],
        sort: ['position:asc', 'title:asc'],
        pagination: { pageSize: 100 },
      },
      signal: timeout(),
    })
  ).data ?? [];

/** The slugs of a clinic's doctors, for the sitemap and a static build's doctor pages. */
export const doctorSlugsOf = async (clinicDocumentId: string) =>
  (
    (
      await cms().get('/doctors', {
        query: {
          filters: { clinics: { documentId: { $eq: clinicDocumentId } } },
          fields: ['slug'],
          pagination: { pageSize: 100 },
        },
        signal: timeout(),
      })
    ).data ?? []
  ).map((doctor) => doctor.slug);
