import { addDays } from '../time/metrics-day';

export interface PeriodParts {
  /** Whole months inside the period, read from `metrics_monthly`: `[first, last]` (`YYYY-MM`). */
  months: [string, string] | null;
  /** Days outside whole months, read from `metrics_daily`: inclusive `[from, to]` ranges. */
  days: [string, string][];
}

const lastDayOf = (month: string) => {
  const date = new Date(`${month}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1, 0);
  return date.toISOString().slice(0, 10);
};

const nextMonth = (month: string) => addDays(lastDayOf(month), 1).slice(0, 7);
const previousMonth = (month: string) => addDays(`${month}-01`, -1).slice(0, 7);

/**
 * Splits `[from, to]` into the whole months it covers and the days at its edges, so a year is
 * read as about 12 monthly rows per value instead of 365 daily ones.
 *
 * @example
 * ```ts
 * periodParts('2025-12-15', '2026-03-10');
 * // → { months: ['2026-01', '2026-02'], days: [['2025-12-15', '2025-12-31'], ['2026-03-01', '2026-03-10']] }
 * ```
 */
export const periodParts = (from: string, to: string): PeriodParts => {
  const first = from.endsWith('-01') ? from.slice(0, 7) : nextMonth(from.slice(0, 7));
  const last = to === lastDayOf(to.slice(0, 7)) ? to.slice(0, 7) : previousMonth(to.slice(0, 7));
  if (first > last) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < `${first}-01`) days.push([from, addDays(`${first}-01`, -1)]);
  if (to > lastDayOf(last)) days.push([addDays(lastDayOf(last), 1), to]);
  return { months: [first, last], days };
};
