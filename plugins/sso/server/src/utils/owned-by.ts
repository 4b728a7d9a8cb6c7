import type { Core, UID } from '@strapi/strapi';

/** The link table of a relation, as Strapi's database metadata describes it. */
export interface LinkTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/** The link table of the relation `user` of `uid` (every per-user record has one). */
export const userLinkOf = (strapi: Core.Strapi, uid: UID.Schema): LinkTable => {
  const relation = strapi.db.metadata.get(uid).attributes.user as { joinTable?: LinkTable };
  if (!relation.joinTable) throw new TypeError(`${uid} has no "user" relation with a link table`);
  return relation.joinTable;
};

/**
 * A `where` that selects the rows of `uid` belonging to the user `userId` (its relation
 * `user`), for the lookups every sign-in makes (password, second factor, device, staff).
 *
 * Strapi writes `{ user: { id } }` as LEFT JOINs from the whole table through the link table;
 * SQLite cannot start such a join from the link table's index, so it reads every row of the
 * table (every credential or second factor of everyone, at every sign-in). The row ids are
 * read from the link table's own index instead. Inside a transaction the link table is read by
 * the query engine as usual: the raw connection would wait for the one SQLite connection the
 * transaction holds.
 */
export const ownedBy = async (
  strapi: Core.Strapi,
  uid: UID.Schema,
  userId: number
): Promise<Record<string, unknown>> => {
  if (strapi.db.inTransaction()) return { user: { id: userId } };
  const { name, joinColumn, inverseJoinColumn } = userLinkOf(strapi, uid);
  const rows: Record<string, number>[] = await strapi.db
    .getConnection(name)
    .where(inverseJoinColumn.name, userId)
    .select(joinColumn.name);
  return { id: { $in: rows.map((row) => row[joinColumn.name]) } };
};
