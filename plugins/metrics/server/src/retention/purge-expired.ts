import type { Knex } from 'knex';

import { recomputeMonth } from '../rollup/monthly';
import { TABLES } from '../storage/tables';
import { addDays, dayOf } from '../time/metrics-day';

export interface RetentionPolicy {
  timeZone: string;
  rawRetentionHours: number;
  /** Days of figures kept for a site whose owners chose nothing. */
  retentionDays: number;
}

export interface Purged {
  rawEvents: number;
  dailyRows: number;
  hourlyRows: number;
}

/**
 * Deletes what is past its time at `now`: raw events older than `rawRetentionHours` whose day is
 * rolled up (a pending day keeps its events, whatever their age), and each site's figures older
 * than its retention (its own setting, else the default). Idempotent; several nodes may run it.
 */
export const purgeExpired = async (
  db: Knex,
  policy: RetentionPolicy,
  now: Date
): Promise<Purged> => {
  const rawCutoff = now.getTime() - policy.rawRetentionHours * 3600 * 1000;
  const rawEvents = await db(TABLES.events)
    .where('at', '<', rawCutoff)
    .whereNotExists((pending) =>
      pending
        .select(db.raw('1'))
        .from(TABLES.pending)
        .whereRaw('??.site = ??.site', [TABLES.pending, TABLES.events])
        .andWhereRaw('??.day = ??.day', [TABLES.pending, TABLES.events])
    )
    .del();

  const today = dayOf(now, policy.timeZone);
  // The first day kept is today − (days − 1): a retention of 1 day keeps today only.
  const firstKept = (days: number) => addDays(today, -(days - 1));
  const own: { site: string; retention_days: number }[] = await db(TABLES.settings)
    .select('site', 'retention_days')
    .whereNotNull('retention_days');

  let dailyRows = 0;
  let hourlyRows = 0;
  const purgeSites = async (scope: (builder: Knex.QueryBuilder) => void, keepFrom: string) => {
    const daily = db(TABLES.daily).where('day', '<', keepFrom);
    scope(daily);
    const deleted = await daily.del();
    dailyRows += deleted;
    // `2026-01-01T05` sorts after `2026-01-01`: the first kept day's hours stay.
    const hourly = db(TABLES.hourly).where('hour', '<', keepFrom);
    scope(hourly);
    hourlyRows += await hourly.del();
    // Months before the first kept day go; the month it falls in keeps the sums of its kept days.
    const monthly = db(TABLES.monthly).where('month', '<', keepFrom.slice(0, 7));
    scope(monthly);
    await monthly.del();
    if (deleted > 0) await recomputeMonth(db, keepFrom.slice(0, 7), scope);
  };
  for (const { site, retention_days: days } of own) {
    await purgeSites((builder) => builder.where({ site }), firstKept(days));
  }
  const chose = own.map(({ site }) => site);
  await purgeSites((builder) => {
    if (chose.length > 0) builder.whereNotIn('site', chose);
  }, firstKept(policy.retentionDays));
  return { rawEvents, dailyRows, hourlyRows };
};
