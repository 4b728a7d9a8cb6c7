import type { Core } from '@strapi/strapi';

import { CLINIC } from '../content-types/uids';
import type { ClinicAccess, ClinicRole } from '../contracts';
import { notFound, notAllowed } from '../errors';

interface ClinicRow {
  id: number;
  documentId: string;
  slug: string;
  subdomain: string;
  name: string;
  owners: { id: number }[];
  administrators: { id: number }[];
}

/** The person's role in a clinic row, or null when they have none. */
export const roleIn = (
  clinic: Pick<ClinicRow, 'owners' | 'administrators'>,
  userId: number
): ClinicRole | null => {
  if (clinic.owners.some((owner) => owner.id === userId)) return 'owner';
  if (clinic.administrators.some((admin) => admin.id === userId)) return 'administrator';
  return null;
};

/**
 * The person's right to the clinic `documentId`, read from its draft (where the cabinet works).
 * A clinic they do not run answers exactly like one that does not exist.
 */
export const clinicAccess = async (
  strapi: Core.Strapi,
  userId: number,
  documentId: unknown
): Promise<ClinicAccess> => {
  if (typeof documentId !== 'string' || documentId === '') throw notFound('Clinic');
  const clinic = (await strapi.db.query(CLINIC).findOne({
    where: { documentId, publishedAt: null },
    select: ['id', 'documentId', 'slug', 'subdomain', 'name'],
    populate: { owners: { select: ['id'] }, administrators: { select: ['id'] } },
  })) as ClinicRow | null;
  const role = clinic && roleIn(clinic, userId);
  if (!clinic || !role) throw notFound('Clinic');
  const { id, slug, subdomain, name } = clinic;
  return { userId, role, clinic: { id, documentId, slug, subdomain, name } };
};

/** Only owners choose a clinic's addresses and who runs it with them. */
export const requireOwner = (access: ClinicAccess, what: string) => {
  if (access.role !== 'owner')
    throw notAllowed('owners-only', `Only the clinic's owners may ${what}`);
};
