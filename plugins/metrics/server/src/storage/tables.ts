import type { Knex } from 'knex';

/**
 * The metrics' own tables, outside Strapi's content types: millions of narrow rows written in
 * batches and summed by SQL, never edited in the Content Manager.
 */
export const TABLES = {
  /** Raw events, kept `rawRetentionHours` and rolled up into `daily` and `hourly`. */
  events: 'metrics_events',
  /** Per site, day (in the metrics time zone), dimension and value: the dashboards' figures. */
  daily: 'metrics_daily',
  /** Per site, month, dimension and value: the daily rows summed, so a year reads 12 rows, not 365. */
  monthly: 'metrics_monthly',
  /** Per site and hour (in the metrics time zone): the totals of a one-day chart. */
  hourly: 'metrics_hourly',
  /** (site, day) pairs that received events since they were last rolled up. */
  pending: 'metrics_pending_rollups',
  /** Today's secret salt of visitor hashes; yesterday's is deleted. */
  salts: 'metrics_salts',
  /** A site's own settings: retention, public link. */
  settings: 'metrics_site_settings',
} as const;

/**
 * Dimensions counted by a visit's first event: where the visitor came from, and with what. Each
 * is also a column of `metrics_events`.
 */
export const SOURCE_DIMENSIONS = [
  'referrer',
  'utm_source',
  'utm_campaign',
  'device',
  'browser',
  'os',
  'country',
] as const;

/** The dimensions of `daily` rows; `total` has the value `''`. */
export const DIMENSIONS = ['total', 'page', ...SOURCE_DIMENSIONS, 'event'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The figures a daily or monthly row holds for its dimension's value. */
const addFigureColumns = (table: Knex.CreateTableBuilder) => {
  table.integer('visitors').notNullable();
  table.integer('visits').notNullable();
  table.integer('pageviews').notNullable();
  table.integer('bounces').notNullable();
  table.bigInteger('duration').notNullable();
  table.integer('events').notNullable();
};

/** Creates what is missing; safe on every start, on SQLite and PostgreSQL alike. */
export const ensureTables = async (db: Knex) => {
  const create = async (name: string, build: (table: Knex.CreateTableBuilder) => void) => {
    if (!(await db.schema.hasTable(name))) await db.schema.createTable(name, build);
  };
  await create(TABLES.events, (table) => {
    table.bigIncrements('id');
    table.string('site', 64).notNullable();
    table.string('day', 10).notNullable();
    table.bigInteger('at').notNullable();
    table.string('visitor', 32).notNullable();
    table.string('name', 120).notNullable();
    table.string('path', 1024).notNullable();
    table.string('referrer', 255).notNullable().defaultTo('');
    table.string('utm_source', 255).notNullable().defaultTo('');
    table.string('utm_medium', 255).notNullable().defaultTo('');
    table.string('utm_campaign', 255).notNullable().defaultTo('');
    table.string('device', 16).notNullable().defaultTo('');
    table.string('browser', 64).notNullable().defaultTo('');
    table.string('os', 64).notNullable().defaultTo('');
    // ISO 3166 code from the bundled offline database; '' when unknown.
    table.string('country', 2).notNullable().defaultTo('');
    table.index(['site', 'day', 'visitor', 'at'], 'metrics_events_site_day');
    table.index(['at'], 'metrics_events_at');
  });
  await create(TABLES.daily, (table) => {
    table.string('site', 64).notNullable();
    table.string('day', 10).notNullable();
    table.string('dimension', 16).notNullable();
    table.string('value', 1024).notNullable();
    addFigureColumns(table);
    table.primary(['site', 'dimension', 'day', 'value']);
  });
  // Dashboards (roll-up): kept equal to the sums of `daily` rows of each month (rollup/monthly.ts).
  await create(TABLES.monthly, (table) => {
    table.string('site', 64).notNullable();
    table.string('month', 7).notNullable();
    table.string('dimension', 16).notNullable();
    table.string('value', 1024).notNullable();
    addFigureColumns(table);
    table.primary(['site', 'dimension', 'month', 'value']);
  });
  await create(TABLES.hourly, (table) => {
    table.string('site', 64).notNullable();
    // `YYYY-MM-DDTHH` in the metrics time zone (time/metrics-day.ts).
    table.string('hour', 13).notNullable();
    table.integer('visitors').notNullable();
    table.integer('pageviews').notNullable();
    table.primary(['site', 'hour']);
  });
  await create(TABLES.pending, (table) => {
    table.string('site', 64).notNullable();
    table.string('day', 10).notNullable();
    table.primary(['site', 'day']);
  });
  await create(TABLES.salts, (table) => {
    table.string('day', 10).primary();
    table.string('salt', 64).notNullable();
  });
  await create(TABLES.settings, (table) => {
    table.string('site', 64).primary();
    table.integer('retention_days');
    table.string('share_token', 64).unique();
    table.bigInteger('share_created_at');
  });
};
