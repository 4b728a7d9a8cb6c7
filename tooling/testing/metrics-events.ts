import type { Core } from '@strapi/strapi';

/** Moscow is UTC+3 all year: `2026-03-10T10:00` there is 07:00 UTC. */
export const moscow = (local: string) => Date.parse(`${local}:00+03:00`);

export interface TestEvent {
  visitor: string;
  /** `YYYY-MM-DDTHH:MM` in Moscow, the metrics' default time zone. */
  local: string;
  name?: string;
  path?: string;
  referrer?: string;
  utm_source?: string;
  utm_medium?: string;
  utm_campaign?: string;
  device?: string;
  browser?: string;
  os?: string;
  country?: string;
}

/**
 * Writes raw events and marks their days pending, as the metrics' collection buffer does: test
 * data for the roll-up and the dashboards, not a copy of the buffer's code.
 * @example
 * ```ts
 * await insertRawEvents(cms.strapi, clinicId, [{ visitor: 'a', local: '2026-03-10T09:00' }]);
 * await cms.strapi.plugin('metrics').service('rollup').runNow();
 * ```
 */
export const insertRawEvents = async (strapi: Core.Strapi, site: string, events: TestEvent[]) => {
  const db = strapi.db.connection;
  const rows = events.map(({ local, ...event }) => ({
    site,
    day: local.slice(0, 10),
    at: moscow(local),
    name: 'pageview',
    path: '/',
    referrer: '',
    utm_source: '',
    utm_medium: '',
    utm_campaign: '',
    device: '',
    browser: '',
    os: '',
    country: '',
    ...event,
  }));
  await db.transaction(async (trx) => {
    for (let start = 0; start < rows.length; start += 50) {
      await trx('metrics_events').insert(rows.slice(start, start + 50));
    }
    const days = [...new Set(rows.map((row) => row.day))];
    for (const day of days) {
      await trx('metrics_pending_rollups')
        .insert({ site, day })
        .onConflict(['site', 'day'])
        .ignore();
    }
  });
};

/** The daily rows of a site's day, keyed `dimension:value`, numbers as numbers. */
export const dailyRows = async (strapi: Core.Strapi, site: string, day: string) => {
  const rows = await strapi.db.connection('metrics_daily').where({ site, day });
  return Object.fromEntries(
    rows.map((row: Record<string, unknown>) => [
      `${row.dimension}:${row.value}`,
      {
        visitors: Number(row.visitors),
        visits: Number(row.visits),
        pageviews: Number(row.pageviews),
        bounces: Number(row.bounces),
        duration: Number(row.duration),
        events: Number(row.events),
      },
    ])
  );
};

export const countRows = async (strapi: Core.Strapi, table: string, site: string) =>
  Number(
    ((await strapi.db.connection(table).where({ site }).count({ n: '*' })) as { n: number }[])[0].n
  );
