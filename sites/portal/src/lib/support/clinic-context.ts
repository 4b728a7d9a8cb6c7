import { cms, timeout } from '../cms';

/** The clinic a request is about, as the form names it. */
export interface ClinicContext {
  documentId: string;
  name: string;
}

/** Strapi's document ids: lower-case letters and digits. Anything else is not looked up. */
const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;

/**
 * The published clinic with this document id (from `?clinic=` or the form's hidden field), or
 * null: unknown, unpublished or not an id at all. The request then goes without it.
 *
 * @example
 * ```ts
 * const clinic = await clinicContext(Astro.url.searchParams.get('clinic'));
 * ```
 */
export const clinicContext = async (documentId: string | null): Promise<ClinicContext | null> => {
  if (!documentId || !DOCUMENT_ID.test(documentId)) return null;
  const { data } = await cms().get('/clinics', {
    query: { filters: { documentId: { $eq: documentId } }, fields: ['name'] },
    signal: timeout(),
  });
  const clinic = data?.[0];
  return clinic ? { documentId: clinic.documentId, name: clinic.name } : null;
};
