import type { Core } from '@strapi/strapi';

import { nodeName } from './node-name';

/** Claims kept this long show which node ran what; older ones are pruned by the claims. */
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;
const TABLE = 'vh_cron_claims';

/** The table of claims, created on first use; plain knex, as it belongs to no content type. */
const ensureTable = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(TABLE)) return;
  await knex.schema
    .createTable(TABLE, (table) => {
      table.string('name', 200).notNullable();
      table.string('fired_at', 40).notNullable();
      table.string('node', 200).notNullable();
      table.integer('attempts').notNullable().defaultTo(1);
      table.bigInteger('claimed_at').notNullable();
      table.primary(['name', 'fired_at']);
    })
    // Two nodes starting together: the other one created it first.
    .catch(async (error: unknown) => {
      if (!(await knex.schema.hasTable(TABLE))) throw error;
    });
};

/**
 * Claims of cron firings in the shared database: of all the nodes whose clock fires `name` at
 * `firedAt`, the first to claim it runs it. Every node's attempt is counted, which shows that
 * the others were there and stood down. `node` names this node (tests give several in one process).
 */
export const cronClaims = (strapi: Core.Strapi, node: string = nodeName(strapi)) => {
  let ready: Promise<void> | undefined;

  return {
    async claim(name: string, firedAt: Date): Promise<boolean> {
      ready ??= ensureTable(strapi).catch((error: unknown) => {
        ready = undefined;
        throw error;
      });
      await ready;
      const knex = strapi.db.connection;
      const now = Date.now();
      const [row] = (await knex(TABLE)
        .insert({
          name,
          fired_at: firedAt.toISOString(),
          node,
          attempts: 1,
          claimed_at: now,
        })
        .onConflict(['name', 'fired_at'])
        .merge({ attempts: knex.raw('?? + 1', [`${TABLE}.attempts`]) })
        .returning(['node'])) as { node: string }[];
      await knex(TABLE)
        .where('claimed_at', '<', now - KEEP_MS)
        .delete();
      return row?.node === node;
    },
  };
};
