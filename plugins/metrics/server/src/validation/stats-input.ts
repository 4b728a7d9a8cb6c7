import type { StatsQuery } from '../../../shared/contracts';
import { STATS_PERIODS, type StatsPeriod } from '../../../shared/contracts';
import { fieldError } from '../errors';
import { daysBetween, MAX_PERIOD_DAYS } from '../stats/period';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const isDay = (value: string) =>
  DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

const KNOWN = new Set(['period', 'from', 'to']);

/**
 * The query string of a stats request: `period` (default `30d`), and for `custom` the days
 * `from` and `to` (inclusive, `from` ≤ `to`, at most about two years). A 400 names the field.
 */
export const validateStatsQuery = (query: Record<string, unknown>): StatsQuery => {
  const unknown = Object.keys(query).find((key) => !KNOWN.has(key));
  if (unknown !== undefined) throw fieldError(unknown, `${unknown} is not a parameter of stats`);
  const { period = '30d', from, to } = query;
  if (typeof period !== 'string' || !(STATS_PERIODS as readonly string[]).includes(period)) {
    throw fieldError('period', `period must be one of ${STATS_PERIODS.join(', ')}`, period);
  }
  if (period !== 'custom') {
    if (from !== undefined) throw fieldError('from', 'from is only for period=custom', from);
    if (to !== undefined) throw fieldError('to', 'to is only for period=custom', to);
    return { period: period as StatsPeriod };
  }
  if (typeof from !== 'string' || !isDay(from)) {
    throw fieldError('from', 'from must be a date YYYY-MM-DD', from);
  }
  if (typeof to !== 'string' || !isDay(to)) {
    throw fieldError('to', 'to must be a date YYYY-MM-DD', to);
  }
  if (from > to) throw fieldError('from', 'from must not be after to', from);
  if (daysBetween(from, to) > MAX_PERIOD_DAYS) {
    throw fieldError('to', `a period spans at most ${MAX_PERIOD_DAYS} days`, to);
  }
  return { period: 'custom', from, to };
};
