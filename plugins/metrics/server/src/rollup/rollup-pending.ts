import type { Knex } from 'knex';

import { TABLES } from '../storage/tables';
import { rollUpDay } from './rollup-day';

/** Pairs rolled up per run: a run's work stays bounded; the rest waits for the next run. */
export const PAIRS_PER_RUN = 50;

/**
 * Rolls up the oldest pending (site, day) pairs, at most `limit`; answers how many it rolled up.
 * Safe with several CMS nodes: each pair is claimed by exactly one of them.
 */
export const rollUpPending = async (db: Knex, timeZone: string, limit = PAIRS_PER_RUN) => {
  const pairs: { site: string; day: string }[] = await db(TABLES.pending)
    .select('site', 'day')
    .orderBy([{ column: 'day' }, { column: 'site' }])
    .limit(limit);
  let done = 0;
  for (const { site, day } of pairs) {
    if (await rollUpDay(db, timeZone, site, day)) done += 1;
  }
  return done;
};
