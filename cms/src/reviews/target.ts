import type { Core } from '@strapi/strapi';

import { CLINIC, DOCTOR } from '../content-types/uids';
import type { ReviewTarget } from '../contracts';
import { fieldError } from '../errors';

/** The content type of a clinic or doctor reviewed. */
export const TARGET_UID = { clinic: CLINIC, doctor: DOCTOR } as const;

/** The key a target's reviews and summary are filed under: `clinic:<id>`, `doctor:<id>`, `platform`. */
export const targetKey = (target: ReviewTarget): string =>
  target.type === 'platform' ? 'platform' : `${target.type}:${target.documentId}`;

export const targetFromKey = (key: string): ReviewTarget => {
  if (key === 'platform') return { type: 'platform' };
  const [type, documentId] = key.split(':') as ['clinic' | 'doctor', string];
  return { type, documentId };
};

/** The database ids a review's relation to its target is stored with. */
export interface ResolvedTarget {
  target: ReviewTarget;
  clinicId: number | null;
  doctorId: number | null;
}

/**
 * Finds the published, publicly visible clinic or doctor a review is about.
 * @throws ValidationError naming the field when there is none.
 */
export const resolveTarget = async (
  strapi: Core.Strapi,
  target: ReviewTarget
): Promise<ResolvedTarget> => {
  if (target.type === 'platform') return { target, clinicId: null, doctorId: null };
  const where =
    target.type === 'clinic'
      ? { documentId: target.documentId, publishedAt: { $notNull: true }, accountStatus: 'active' }
      : {
          documentId: target.documentId,
          publishedAt: { $notNull: true },
          clinics: { accountStatus: 'active', publishedAt: { $notNull: true } },
        };
  const entry = await strapi.db.query(TARGET_UID[target.type]).findOne({ where, select: ['id'] });
  if (!entry) throw fieldError(target.type, `No such ${target.type}`, target.documentId);
  return {
    target,
    clinicId: target.type === 'clinic' ? entry.id : null,
    doctorId: target.type === 'doctor' ? entry.id : null,
  };
};

/**
 * Document ids and names of the clinics whose owners and administrators answer for a target:
 * the clinic itself, or every clinic a doctor works in.
 */
export const clinicsAnsweringFor = async (
  strapi: Core.Strapi,
  target: ReviewTarget
): Promise<{ documentId: string; name: string }[]> => {
  if (target.type === 'platform') return [];
  const where =
    target.type === 'clinic'
      ? { documentId: target.documentId, publishedAt: { $notNull: true } }
      : { doctors: { documentId: target.documentId }, publishedAt: { $notNull: true } };
  return strapi.db.query(CLINIC).findMany({ where, select: ['documentId', 'name'] });
};

/**
 * Which of these clinics (document ids) a user owns or administers, in one query; memberships
 * live on the drafts.
 */
export const clinicsRunBy = async (
  strapi: Core.Strapi,
  userId: number,
  clinicDocumentIds: string[]
): Promise<Set<string>> => {
  if (clinicDocumentIds.length === 0) return new Set();
  const rows: { documentId: string }[] = await strapi.db.query(CLINIC).findMany({
    where: {
      documentId: { $in: clinicDocumentIds },
      publishedAt: null,
      $or: [{ owners: { id: userId } }, { administrators: { id: userId } }],
    },
    select: ['documentId'],
  });
  return new Set(rows.map((row) => row.documentId));
};
