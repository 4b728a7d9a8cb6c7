import type { UID } from '@strapi/strapi';

import { CLINIC } from '../content-types/uids';
import { fieldError } from '../errors';
import { resolveToOneRelation } from './to-one-relation';
import { loadSource, type WriteContext } from './write-context';

/**
 * The clinic a service or page belongs to after the write. Every such entry needs one,
 * which the schema cannot require of a relation.
 */
export const clinicAfterWrite = async (
  write: WriteContext,
  uid: UID.ContentType
): Promise<{ clinicDocumentId: string; source: Record<string, unknown> | null }> => {
  const source = await loadSource(write, uid, 'clinic');
  const current = source?.relationDocumentId ?? null;
  const next = await resolveToOneRelation(write.strapi, CLINIC, write.data.clinic, current);
  const clinicDocumentId = next === undefined ? current : next;
  if (!clinicDocumentId) throw fieldError('clinic', 'is required');
  const clinic = await write.strapi.documents(CLINIC).findOne({
    documentId: clinicDocumentId,
    status: 'draft',
    fields: ['documentId'],
  });
  if (!clinic) throw fieldError('clinic', 'does not exist', clinicDocumentId);
  return { clinicDocumentId, source: source?.values ?? null };
};
