import { randomBytes } from 'node:crypto';

import type { Knex } from 'knex';

import { TABLES } from '../storage/tables';

/**
 * The secret salt of visitor ids for a day, shared by every CMS node through `metrics_salts`:
 * the first node to need a day's salt inserts a random one, every node then reads the one that
 * won. Earlier days' salts are deleted then, so yesterday's ids cannot be recomputed.
 */
export const createDailySalt = (db: () => Knex) => {
  let current: { day: string; salt: Promise<string> } | null = null;

  const load = async (day: string) => {
    const knex = db();
    await knex(TABLES.salts)
      .insert({ day, salt: randomBytes(32).toString('hex') })
      .onConflict('day')
      .ignore();
    const row = (await knex(TABLES.salts).where({ day }).first('salt')) as
      { salt: string } | undefined;
    if (!row) throw new Error(`The metrics salt of ${day} vanished`);
    await knex(TABLES.salts).where('day', '<', day).delete();
    return row.salt;
  };

  return {
    /** The salt of `day`; a database round trip only on a node's first event of the day. */
    saltOf(day: string): Promise<string> {
      if (current?.day !== day) {
        const salt = load(day);
        current = { day, salt };
        // A failed load is retried by the next event.
        salt.catch(() => {
          if (current?.salt === salt) current = null;
        });
      }
      return current.salt;
    },
  };
};
