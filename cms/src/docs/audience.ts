import type { DocPageAccess, Reader } from './contracts';

/**
 * Whether `reader` may read a page: a public page everyone; a signed-in page any signed-in
 * reader; a restricted page a reader holding one of its roles, or owning or administering its
 * clinic. The CMS's API and the docs site decide with this same function.
 *
 * @example
 * ```ts
 * mayRead({ audience: 'restricted', roles: ['support-agent'] }, { roles: ['patient'], clinics: [] });
 * // false
 * ```
 */
export const mayRead = (page: DocPageAccess, reader: Reader | null): boolean => {
  if (page.audience === 'public') return true;
  if (!reader) return false;
  if (page.audience === 'signed-in') return true;
  if (page.audience !== 'restricted') return false; // an audience this code does not know
  const roles = Array.isArray(page.roles) ? page.roles : [];
  if (roles.some((role) => reader.roles.includes(role))) return true;
  return Boolean(
    page.clinicDocumentId && reader.clinics.some((clinic) => clinic.id === page.clinicDocumentId)
  );
};
