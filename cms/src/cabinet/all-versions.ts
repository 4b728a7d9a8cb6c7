import type { Core, UID } from '@strapi/strapi';

/**
 * Changes a relation on the draft and the published version of a document alike. For who runs a
 * clinic and which clinic a doctor works in: facts, not edits waiting for review, so they hold
 * at once and publishing never reverts them (it copies the draft, which has them too).
 */
export const relateAllVersions = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  data: Record<string, { connect?: number[]; disconnect?: number[] }>
) => {
  // Inside the caller's transaction when there is one: the raw update below must use it too, or
  // it would wait on the caller's own lock.
  await strapi.db.transaction(async ({ trx }) => {
    const rows = (await strapi.db
      .query(uid)
      .findMany({ where: { documentId }, select: ['id', 'updatedAt'] })) as {
      id: number;
      updatedAt: string | Date;
    }[];
    // Not an edit: each version keeps its time, or the cabinet would call it unpublished changes.
    // The query layer stamps every update, so the time is put back underneath it.
    const table = strapi.db.metadata.get(uid).tableName;
    for (const row of rows) {
      await strapi.db.query(uid).update({ where: { id: row.id }, data });
      await strapi.db
        .getConnection(table)
        .transacting(trx)
        .where({ id: row.id })
        .update({ updated_at: new Date(row.updatedAt) });
    }
  });
};
