import type { StatsBreakdown, StatsResponse } from '../../../shared/contracts';

/** Excel reads a UTF-8 file as such (Cyrillic included) only when it starts with this mark. */
const BOM = '\uFEFF';
/** Russian Excel splits columns on semicolons, the list separator of its locale. */
const SEPARATOR = ';';

const BREAKDOWN_TITLES: Record<StatsBreakdown, [title: string, count: string]> = {
  pages: ['Страницы', 'Просмотры'],
  referrers: ['Источники', 'Визиты'],
  sources: ['UTM source', 'Визиты'],
  campaigns: ['UTM campaign', 'Визиты'],
  devices: ['Устройства', 'Визиты'],
  browsers: ['Браузеры', 'Визиты'],
  os: ['Операционные системы', 'Визиты'],
  countries: ['Страны', 'Визиты'],
  events: ['События', 'Срабатывания'],
};

/**
 * One cell: quoted when it holds a separator, quote or line break, and prefixed with `'` when
 * it starts like a formula (`=`, `+`, `-`, `@`, tab, CR), so a page path or a referrer a
 * visitor chose cannot run as a formula in the owner's spreadsheet.
 */
export const csvCell = (value: string | number) => {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r,]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

const line = (cells: (string | number)[]) => cells.map(csvCell).join(SEPARATOR);

/** The dashboard as one CSV file: the period, its totals, the chart's points, every breakdown. */
export const statsCsv = (stats: StatsResponse) => {
  const lines: string[] = [
    line(['Сайт', stats.site.name]),
    line(['Период', `${stats.period.from} — ${stats.period.to}`, stats.period.timeZone]),
    '',
    line(['Посетители', 'Визиты', 'Просмотры', 'Отказы', 'Длительность визита, с', 'События']),
    line([
      stats.totals.visitors,
      stats.totals.visits,
      stats.totals.pageviews,
      stats.totals.bounceRate,
      stats.totals.visitDuration,
      stats.totals.events,
    ]),
    '',
    line(['Дата', 'Посетители', 'Просмотры']),
    ...stats.series.map((point) => line([point.at, point.visitors, point.pageviews])),
  ];
  for (const [breakdown, [title, count]] of Object.entries(BREAKDOWN_TITLES) as [
    StatsBreakdown,
    [string, string],
  ][]) {
    lines.push('', line([title, 'Посетители', count]));
    for (const row of stats.top[breakdown]) lines.push(line([row.value, row.visitors, row.count]));
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
};
