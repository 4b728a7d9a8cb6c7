/** The periods a dashboard offers; `custom` takes `from` and `to` (YYYY-MM-DD, inclusive). */
export const STATS_PERIODS = ['today', '7d', '30d', '12mo', 'custom'] as const;
export type StatsPeriod = (typeof STATS_PERIODS)[number];

export interface StatsQuery {
  period: StatsPeriod;
  from?: string;
  to?: string;
}

/** The figures of a period. A visit is a visitor's events with no 30-minute gap, within a day. */
export interface StatsTotals {
  /** Unique visitors, summed over days: a visitor is recognised within one day only. */
  visitors: number;
  visits: number;
  pageviews: number;
  /** Share of visits with a single page view, 0 to 1; 0 when there were no visits. */
  bounceRate: number;
  /** Mean visit duration in seconds, from its first to its last event. */
  visitDuration: number;
  /** Custom events. */
  events: number;
}

/** One point of the chart: an hour (`today`), a day, or a month (`12mo`). */
export interface StatsPoint {
  /** ISO date (`2026-12-06`), month (`2026-12`) or hour (`2026-12-06T14`) in the metrics time zone. */
  at: string;
  visitors: number;
  pageviews: number;
}

/** A row of a breakdown (top pages, referrers, campaigns, devices, events). */
export interface StatsRow {
  value: string;
  visitors: number;
  /** Page views (pages), visits begun from it (sources, devices), or times sent (events). */
  count: number;
}

export const STATS_BREAKDOWNS = [
  'pages',
  'referrers',
  'sources',
  'campaigns',
  'devices',
  'browsers',
  'os',
  'countries',
  'events',
] as const;
export type StatsBreakdown = (typeof STATS_BREAKDOWNS)[number];

export interface StatsResponse {
  site: { id: string; name: string };
  period: {
    name: StatsPeriod;
    from: string;
    to: string;
    granularity: 'hour' | 'day' | 'month';
    timeZone: string;
  };
  totals: StatsTotals;
  /** The same figures over the period of the same length just before. */
  previous: StatsTotals;
  series: StatsPoint[];
  top: Record<StatsBreakdown, StatsRow[]>;
}

/** The dashboard's public link, when the owners made one. */
export interface ShareLink {
  /** The token of `<portal>/metrics/shared/<token>`; revoking it makes a new one necessary. */
  token: string;
  createdAt: string;
}
