import type { Knex } from 'knex';

import type {
  MetricsSite,
  StatsBreakdown,
  StatsPoint,
  StatsResponse,
  StatsRow,
  StatsTotals,
} from '../../../shared/contracts';
import { TABLES, type Dimension } from '../storage/tables';
import { addDays } from '../time/metrics-day';
import { previousPeriod, type ResolvedPeriod } from './period';
import { periodParts } from './period-parts';

/** Rows of each breakdown a dashboard shows. */
export const TOP_ROWS = 10;

/** Each breakdown's dimension, and the column its `count` sums. */
const BREAKDOWNS: Record<StatsBreakdown, { dimension: Dimension; count: string }> = {
  pages: { dimension: 'page', count: 'pageviews' },
  referrers: { dimension: 'referrer', count: 'visits' },
  sources: { dimension: 'utm_source', count: 'visits' },
  campaigns: { dimension: 'utm_campaign', count: 'visits' },
  devices: { dimension: 'device', count: 'visits' },
  browsers: { dimension: 'browser', count: 'visits' },
  os: { dimension: 'os', count: 'visits' },
  countries: { dimension: 'country', count: 'visits' },
  events: { dimension: 'event', count: 'events' },
};

type Sums = Record<
  'visitors' | 'visits' | 'pageviews' | 'bounces' | 'duration' | 'events',
  number | string | null
>;

const MEASURES = ['visitors', 'visits', 'pageviews', 'bounces', 'duration', 'events'] as const;

/**
 * A dimension's rows over `[from, to]` as one subquery (`at`, `value`, the measures): monthly
 * rows for the whole months inside it, daily rows for the days at its edges.
 */
const figureRows = (db: Knex, site: string, dimension: Dimension, from: string, to: string) => {
  const { months, days } = periodParts(from, to);
  const parts = days.map(([first, last]) =>
    db(TABLES.daily)
      .select(db.raw('?? as ??', ['day', 'at']), 'value', ...MEASURES)
      .where({ site, dimension })
      .whereBetween('day', [first, last])
  );
  if (months) {
    parts.push(
      db(TABLES.monthly)
        .select(db.raw('?? as ??', ['month', 'at']), 'value', ...MEASURES)
        .where({ site, dimension })
        .whereBetween('month', months)
    );
  }
  const [head, ...rest] = parts;
  return (rest.length > 0 ? head.unionAll(rest) : head).as('figures');
};

const totalsOf = (sums: Sums | undefined): StatsTotals => {
  const n = (value: number | string | null | undefined) => Number(value ?? 0);
  const visits = n(sums?.visits);
  return {
    visitors: n(sums?.visitors),
    visits,
    pageviews: n(sums?.pageviews),
    bounceRate: visits === 0 ? 0 : Math.round((n(sums?.bounces) / visits) * 1000) / 1000,
    // Durations are stored in milliseconds; the dashboard shows whole seconds.
    visitDuration: visits === 0 ? 0 : Math.round(n(sums?.duration) / visits / 1000),
    events: n(sums?.events),
  };
};

const sumTotals = async (db: Knex, site: string, from: string, to: string) => {
  const [sums] = (await db.from(figureRows(db, site, 'total', from, to)).sum({
    visitors: 'visitors',
    visits: 'visits',
    pageviews: 'pageviews',
    bounces: 'bounces',
    duration: 'duration',
    events: 'events',
  })) as Sums[];
  return totalsOf(sums);
};

const eachDay = (from: string, to: string) => {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
};

const seriesOf = async (db: Knex, site: string, period: ResolvedPeriod): Promise<StatsPoint[]> => {
  if (period.granularity === 'hour') {
    const rows: { hour: string; visitors: number; pageviews: number }[] = await db(TABLES.hourly)
      .select('hour', 'visitors', 'pageviews')
      .where({ site })
      .whereBetween('hour', [`${period.from}T00`, `${period.to}T23`]);
    const byHour = new Map(rows.map((row) => [row.hour, row]));
    return eachDay(period.from, period.to).flatMap((day) =>
      Array.from({ length: 24 }, (_, hour) => {
        const at = `${day}T${String(hour).padStart(2, '0')}`;
        const row = byHour.get(at);
        return { at, visitors: Number(row?.visitors ?? 0), pageviews: Number(row?.pageviews ?? 0) };
      })
    );
  }
  const rows: { at: string; visitors: number; pageviews: number }[] =
    period.granularity === 'month'
      ? await db
          .from(figureRows(db, site, 'total', period.from, period.to))
          .select('at', 'visitors', 'pageviews')
      : await db(TABLES.daily)
          .select('day as at', 'visitors', 'pageviews')
          .where({ site, dimension: 'total' })
          .whereBetween('day', [period.from, period.to]);
  const points = new Map<string, StatsPoint>();
  const keyOf = (day: string) => (period.granularity === 'month' ? day.slice(0, 7) : day);
  for (const day of eachDay(period.from, period.to)) {
    const at = keyOf(day);
    if (!points.has(at)) points.set(at, { at, visitors: 0, pageviews: 0 });
  }
  for (const row of rows) {
    const point = points.get(keyOf(row.at));
    if (!point) continue;
    point.visitors += Number(row.visitors);
    point.pageviews += Number(row.pageviews);
  }
  return [...points.values()];
};

const topOf = async (
  db: Knex,
  site: string,
  period: ResolvedPeriod,
  breakdown: StatsBreakdown
): Promise<StatsRow[]> => {
  const { dimension, count } = BREAKDOWNS[breakdown];
  const rows = (await db
    .from(figureRows(db, site, dimension, period.from, period.to))
    .select('value')
    .sum({ visitors: 'visitors', count })
    .groupBy('value')
    .orderBy([
      { column: 'count', order: 'desc' },
      { column: 'visitors', order: 'desc' },
      { column: 'value', order: 'asc' },
    ])
    .limit(TOP_ROWS)) as { value: string; visitors: number | string; count: number | string }[];
  return rows.map((row) => ({
    value: row.value,
    visitors: Number(row.visitors),
    count: Number(row.count),
  }));
};

/**
 * A site's dashboard over a period, from the rolled-up rows only (never raw events): whole
 * months from `metrics_monthly`, the days at the period's edges from `metrics_daily`, today's
 * hours from `metrics_hourly`. A year reads about 12 + 60 rows per page, referrer…, not 365.
 */
export const queryStats = async (
  db: Knex,
  site: MetricsSite,
  period: ResolvedPeriod
): Promise<StatsResponse> => {
  const previous = previousPeriod(period);
  const breakdowns = Object.keys(BREAKDOWNS) as StatsBreakdown[];
  const [totals, before, series, tops] = await Promise.all([
    sumTotals(db, site.id, period.from, period.to),
    sumTotals(db, site.id, previous.from, previous.to),
    seriesOf(db, site.id, period),
    Promise.all(breakdowns.map((breakdown) => topOf(db, site.id, period, breakdown))),
  ]);
  return {
    site: { id: site.id, name: site.name },
    period,
    totals,
    previous: before,
    series,
    top: Object.fromEntries(
      breakdowns.map((breakdown, index) => [breakdown, tops[index]])
    ) as Record<StatsBreakdown, StatsRow[]>,
  };
};
