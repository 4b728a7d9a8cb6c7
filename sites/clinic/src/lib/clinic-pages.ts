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
