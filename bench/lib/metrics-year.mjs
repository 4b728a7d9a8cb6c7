import { createRequire } from 'node:module';

/**
 * What the cases use of better-sqlite3 (the CMS's SQLite driver, which ships no types).
 * @typedef {{
 *   prepare(sql: string): { run(...values: unknown[]): unknown, get(...values: unknown[]): unknown },
 *   pragma(pragma: string): unknown,
 *   transaction(work: () => void): () => void,
 *   close(): void,
 * }} SqliteDatabase
 */

/**
 * Opens the SQLite file of a benchmark's CMS.
 * @param {string} file
 * @returns {SqliteDatabase}
 */
export const openSqlite = (file) => {
  const Database = createRequire(import.meta.url)('better-sqlite3');
  return new Database(file);
};

/**
 * A seeded generator (mulberry32): the same year of figures on every run.
 * @param {number} seed
 */
const random = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/**
 * Zipf-like shares of `n` values: a few pages and referrers take most of the traffic.
 * @param {number} n
 */
const zipf = (n, exponent = 1.1) => {
  const weights = Array.from({ length: n }, (_, index) => 1 / (index + 1) ** exponent);
  const sum = weights.reduce((total, weight) => total + weight, 0);
  return weights.map((weight) => weight / sum);
};

/** @param {string} prefix @param {number} n */
const named = (prefix, n) => Array.from({ length: n }, (_, index) => `${prefix}${index + 1}`);

/** The values of each dimension and their shares of the day's visits (or page views, events). */
const DIMENSION_VALUES = {
  page: {
    values: ['/', ...named('/uslugi/usluga-', 150), ...named('/vrachi/vrach-', 149)],
    shares: zipf(300),
  },
  // About 40 % of visits come direct ('').
  referrer: {
    values: ['', 'yandex.ru', 'google.com', ...named('site-', 37).map((name) => `${name}.ru`)],
    shares: [0.4, ...zipf(39).map((share) => share * 0.6)],
  },
  utm_source: { values: named('source-', 10), shares: zipf(10).map((share) => share * 0.15) },
  utm_campaign: { values: named('кампания-', 25), shares: zipf(25).map((share) => share * 0.12) },
  device: { values: ['mobile', 'desktop', 'tablet'], shares: [0.6, 0.35, 0.05] },
  browser: {
    values: ['Chrome', 'Safari', 'Yandex', 'Firefox', 'Edge', 'Opera', 'Samsung Internet', 'Other'],
    shares: zipf(8),
  },
  os: { values: ['Android', 'iOS', 'Windows', 'macOS', 'Linux', 'Other'], shares: zipf(6) },
  country: {
    values: ['RU', 'KZ', 'BY', 'UZ', 'AM', 'GE', 'KG', 'DE', 'TR', 'US', ...named('C', 10)],
    shares: zipf(20, 2),
  },
  event: {
    values: [
      'Звонок',
      'Запись отправлена',
      'WhatsApp',
      'Маршрут',
      'Telegram',
      'Почта',
      'Прайс скачан',
      'Отзыв',
    ],
    shares: zipf(8),
  },
};

/** Visits are heavier in the day than at night, in the metrics' time zone. */
const HOURS = zipf(24, 0).map((_, hour) => 0.3 + Math.sin(((hour - 4) / 24) * Math.PI) ** 2);
const HOUR_SUM = HOURS.reduce((total, weight) => total + weight, 0);

/**
 * `YYYY-MM-DD` of `at` in `timeZone`.
 * @param {Date} at
 * @param {string} timeZone
 */
const dayIn = (at, timeZone) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);

/** @param {string} day @param {number} days */
const addDays = (day, days) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/**
 * Fills a year of one site's `metrics_daily`, `metrics_monthly` and `metrics_hourly` rows directly in the CMS's
 * SQLite file, shaped as the roll-up writes them for about `eventsPerDay` raw events a day
 * (page views and custom events): ~300 pages, ~40 referrers, campaigns, devices, browsers, OS,
 * countries and event names, each with a skewed distribution and daily noise. Rolling up 10
 * million raw events would take many minutes before every run; the dashboards read these rows
 * only, so the query measured is the same. Answers the events the year stands for.
 * @param {string} databaseFile
 * @param {string} site
 * @param {{ days?: number, eventsPerDay?: number, timeZone?: string, seed?: number }} [options]
 */
export const fillDashboardYear = (
  databaseFile,
  site,
  { days = 365, eventsPerDay = 27_400, timeZone = 'Europe/Moscow', seed = 13 } = {}
) => {
  const db = openSqlite(databaseFile);
  db.pragma('busy_timeout = 10000');
  const next = random(seed);
  const noise = () => 0.8 + next() * 0.4;
  const insertDaily = db.prepare(
    'insert into metrics_daily (site, day, dimension, value, visitors, visits, pageviews, bounces, duration, events) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
  );
  const insertHourly = db.prepare(
    'insert into metrics_hourly (site, hour, visitors, pageviews) values (?, ?, ?, ?)'
  );
  const today = dayIn(new Date(), timeZone);
  let totalEvents = 0;
  let rows = 0;

  db.transaction(() => {
    db.prepare('delete from metrics_daily where site = ?').run(site);
    db.prepare('delete from metrics_hourly where site = ?').run(site);
    db.prepare('delete from metrics_monthly where site = ?').run(site);
    for (let back = days - 1; back >= 0; back -= 1) {
      const day = addDays(today, -back);
      // Weekends are quieter.
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      const events = Math.round(
        eventsPerDay * (weekday === 0 || weekday === 6 ? 0.75 : 1.1) * noise()
      );
      const custom = Math.round(events * 0.11);
      const pageviews = events - custom;
      const visits = Math.round(pageviews / 2.2);
      const visitors = Math.round(visits * 0.86);
      const bounces = Math.round(visits * 0.45);
      const duration = visits * 95_000;
      totalEvents += events;
      insertDaily.run(
        site,
        day,
        'total',
        '',
        visitors,
        visits,
        pageviews,
        bounces,
        duration,
        custom
      );
      rows += 1;
      for (const [dimension, { values, shares }] of Object.entries(DIMENSION_VALUES)) {
        values.forEach((value, index) => {
          const share = shares[index] * noise();
          if (dimension === 'page') {
            const views = Math.round(pageviews * share);
            if (views === 0) return;
            const pageVisits = Math.max(1, Math.round(views * 0.9));
            insertDaily.run(
              site,
              day,
              dimension,
              value,
              Math.max(1, Math.round(views * 0.8)),
              pageVisits,
              views,
              Math.round(pageVisits * 0.3),
              0,
              0
            );
          } else if (dimension === 'event') {
            const sent = Math.round(custom * share);
            if (sent === 0) return;
            insertDaily.run(
              site,
              day,
              dimension,
              value,
              Math.max(1, Math.round(sent * 0.9)),
              0,
              0,
              0,
              0,
              sent
            );
          } else {
            const entered = Math.round(visits * share);
            if (entered === 0) return;
            insertDaily.run(
              site,
              day,
              dimension,
              value,
              Math.max(1, Math.round(entered * 0.86)),
              entered,
              Math.round(entered * 2.2),
              Math.round(entered * 0.45),
              entered * 95_000,
              0
            );
          }
          rows += 1;
        });
      }
      HOURS.forEach((weight, hour) => {
        const part = weight / HOUR_SUM;
        insertHourly.run(
          site,
          `${day}T${String(hour).padStart(2, '0')}`,
          Math.round(visitors * part * 1.1),
          Math.round(pageviews * part)
        );
      });
    }
    // As the roll-up keeps them: each month's rows are the sums of its daily rows.
    db.prepare(
      `insert into metrics_monthly (site, month, dimension, value, visitors, visits, pageviews, bounces, duration, events)
       select site, substr(day, 1, 7), dimension, value, sum(visitors), sum(visits), sum(pageviews), sum(bounces), sum(duration), sum(events)
       from metrics_daily where site = ? group by site, substr(day, 1, 7), dimension, value`
    ).run(site);
  })();
  db.close();
  return { totalEvents, dailyRows: rows, hourlyRows: days * 24 };
};
