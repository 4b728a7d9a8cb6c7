import type { Core, UID } from '@strapi/strapi';

/**
 * A content type's table through knex, addressed by attribute names: for the flat tables that
 * every sign-in reads and writes (oidc-provider's records, sign-in attempts), where Strapi's
 * query engine (relations, lifecycles, field conversions) has nothing to do but would double
 * each query's cost.
 */
export const plainTable = (strapi: Core.Strapi, uid: UID.Schema) => {
  const { tableName, attributes } = strapi.db.metadata.get(uid);
  const column = (name: string) => (attributes[name] as { columnName?: string }).columnName ?? name;
  return {
    attributes,
    /** A query on the table (schema-aware, as Strapi's own). */
    query: () => strapi.db.getConnection(tableName),
    column,
    /** `values` keyed by column instead of attribute names. */
    row: (values: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(values).map(([name, value]) => [column(name), value])),
  };
};
