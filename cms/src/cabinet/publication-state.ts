import type { Core, UID } from '@strapi/strapi';

import type { PublicationState } from '../contracts';

interface VersionRow {
  documentId: string;
  updatedAt: string | Date;
  publishedAt: string | Date | null;
}

const time = (value: string | Date) => new Date(value).getTime();

/**
 * Where each document stands: only a draft, published as it is, or published with newer edits
 * in its draft (the draft was saved after the published version was made from it).
 */
export const publicationStates = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentIds: string[]
): Promise<Map<string, PublicationState>> => {
  const rows = (await strapi.db.query(uid).findMany({
    where: { documentId: { $in: documentIds } },
    select: ['documentId', 'updatedAt', 'publishedAt'],
  })) as VersionRow[];
  const drafts = new Map<string, number>();
  const published = new Map<string, number>();
  for (const row of rows) {
    (row.publishedAt ? published : drafts).set(row.documentId, time(row.updatedAt));
  }
  const states = new Map<string, PublicationState>();
  for (const documentId of documentIds) {
    const publishedAt = published.get(documentId);
    const editedAt = drafts.get(documentId) ?? 0;
    if (publishedAt === undefined) states.set(documentId, 'draft');
    else states.set(documentId, editedAt > publishedAt ? 'modified' : 'published');
  }
  return states;
};
