import type { StatsQuery } from '@vixenhealth/metrics/contracts';

const PERIODS = ['today', '7d', '30d', '12mo', 'custom'] as const;

/** The period options of the dashboard's form, in its order. */
export const PERIOD_LABELS: Record<(typeof PERIODS)[number], string> = {
  today: 'Сегодня',
  '7d': '7 дней',
  '30d': '30 дней',
  '12mo': '12 месяцев',
  custom: 'Свой период',
};

/**
 * The period a dashboard page was asked for (`?period=&from=&to=`), as the CMS takes it. An
 * unknown period falls back to 30 days; the CMS checks the dates and names a wrong one.
 */
export const periodQuery = (url: URL): StatsQuery => {
  const asked = url.searchParams.get('period') ?? '30d';
  const period = (PERIODS as readonly string[]).includes(asked)
    ? (asked as StatsQuery['period'])
    : '30d';
  if (period !== 'custom') return { period };
  return {
    period,
    from: url.searchParams.get('from') ?? '',
    to: url.searchParams.get('to') ?? '',
  };
};

/** `?period=…` of a link that keeps the period shown (the CSV download). */
export const periodSearch = (query: StatsQuery) =>
  new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1]))
  ).toString();
