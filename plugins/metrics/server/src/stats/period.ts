import type { StatsQuery, StatsResponse } from '../../../shared/contracts';
import { addDays, dayOf } from '../time/metrics-day';

export type ResolvedPeriod = StatsResponse['period'];

/** The longest custom period: two years and a leap day. */
export const MAX_PERIOD_DAYS = 731;

/** Days from `from` to `to`, both included. */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

const firstOfMonth = (day: string, monthsBack: number) => {
  const date = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - monthsBack);
  return date.toISOString().slice(0, 10);
};

/**
 * The days a query covers, in the metrics time zone: `today`; the last 7 or 30 days with today;
 * `12mo` from the first day of the month eleven months ago to today, by month; `custom` as given
 * (by day up to 92 days, by month beyond).
 */
export const resolvePeriod = (query: StatsQuery, now: Date, timeZone: string): ResolvedPeriod => {
  const today = dayOf(now, timeZone);
  const period = (
    from: string,
    to: string,
    granularity: ResolvedPeriod['granularity']
  ): ResolvedPeriod => ({ name: query.period, from, to, granularity, timeZone });
  switch (query.period) {
    case 'today':
      return period(today, today, 'hour');
    case '7d':
      return period(addDays(today, -6), today, 'day');
    case '30d':
      return period(addDays(today, -29), today, 'day');
    case '12mo':
      return period(firstOfMonth(today, 11), today, 'month');
    case 'custom': {
      const from = query.from as string;
      const to = query.to as string;
      return period(from, to, daysBetween(from, to) > 92 ? 'month' : 'day');
    }
  }
};

/** The period of the same length just before (for `12mo`, the twelve months before). */
export const previousPeriod = (period: ResolvedPeriod): { from: string; to: string } => {
  if (period.name === '12mo') {
    return { from: firstOfMonth(period.from, 12), to: addDays(period.from, -1) };
  }
  const length = daysBetween(period.from, period.to);
  return { from: addDays(period.from, -length), to: addDays(period.from, -1) };
};
