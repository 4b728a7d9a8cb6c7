import { randomBytes } from 'node:crypto';

import { startCms } from '../lib/cms-target.mjs';
import { fillDashboardYear, openSqlite } from '../lib/metrics-year.mjs';

/** A year at ~27,400 events a day: 10 million events. */
const MIN_EVENTS = 9_500_000;

/** @type {import('../lib/cases.mjs').BenchCase} */
export default {
  name: 'metrics-dashboard-year',
  description:
    'A clinic dashboard over 12 months of 10 million events (GET …/stats?period=12mo by its public link): totals, the period before, 12 monthly points, 9 top-10 breakdowns',

  async start() {
    const cms = await startCms();
    try {
      const db = openSqlite(cms.databaseFile);
      const clinic = /** @type {{ id: string } | undefined} */ (
        db
          .prepare('select document_id as id from clinics where published_at is not null limit 1')
          .get()
      );
      db.close();
      if (!clinic) throw new Error('the demo data has no published clinic');
      const filled = fillDashboardYear(cms.databaseFile, clinic.id);
      console.error(
        `bench: metrics: ${filled.totalEvents.toLocaleString('en')} events as ${filled.dailyRows.toLocaleString('en')} daily and ${filled.hourlyRows.toLocaleString('en')} hourly rows`
      );
      // The public link reads the same figures as the owner's route, without a sign-in to hold.
      const token = randomBytes(24).toString('base64url');
      const settings = openSqlite(cms.databaseFile);
      settings
        .prepare(
          'insert into metrics_site_settings (site, share_token, share_created_at) values (?, ?, ?)'
        )
        .run(clinic.id, token, Date.now());
      settings.close();
      return {
        url: cms.url,
        stop: cms.stop,
        path: `/api/metrics/shared/${token}/stats?period=12mo`,
      };
    } catch (error) {
      await cms.stop();
      throw error;
    }
  },

  async verify(response) {
    const text = await response.text();
    if (response.status !== 200) {
      throw new Error(`expected 200 from the stats, got ${response.status}: ${text.slice(0, 200)}`);
    }
    const stats = JSON.parse(text);
    const events = stats.totals.pageviews + stats.totals.events;
    if (stats.series.length !== 12 || stats.top.pages.length !== 10) {
      throw new Error(
        `expected 12 months and 10 top pages, got ${stats.series.length} and ${stats.top.pages.length}`
      );
    }
    // 12 months from the first of the month: most of the filled year.
    if (events < MIN_EVENTS * 0.9)
      throw new Error(`expected about 10 million events, got ${events}`);
  },

  goals: [
    {
      label: 'ms per query (1000 / queries/s: the CMS answers one at a time)',
      unit: ' ms',
      of: (result) => (result.perSecond > 0 ? 1000 / result.perSecond : undefined),
      below: 200,
    },
  ],
};
