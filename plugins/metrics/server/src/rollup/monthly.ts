import type { Knex } from 'knex';

import { TABLES } from '../storage/tables';

const MEASURES = ['visitors', 'visits', 'pageviews', 'bounces', 'duration', 'events'] as const;

/**
 * Makes a month's `metrics_monthly` rows the sums of its `metrics_daily` rows again, for the
 * sites `scope` selects (one site, or all but some): after a day of it is rolled up, and after
 * retention deleted some of its days. `month` is `YYYY-MM`.
 */
export const recomputeMonth = async (
  db: Knex | Knex.Transaction,
  month: string,
  scope: (query: Knex.QueryBuilder) => void
) => {
  const stale = db(TABLES.monthly).where({ month });
  scope(stale);
  await stale.del();
  const sums = db(TABLES.daily)
    .select('site', db.raw('cast(? as varchar(7)) as month', [month]), 'dimension', 'value')
    .whereBetween('day', [`${month}-01`, `${month}-31`])
    .groupBy('site', 'dimension', 'value');
  for (const measure of MEASURES) sums.sum({ [measure]: measure });
  scope(sums);
  await db(TABLES.monthly).insert(sums);
};
