import type { StatsBreakdown, StatsTotals } from '@vixenhealth/metrics/contracts';

const integer = new Intl.NumberFormat('ru-RU');
const percent = new Intl.NumberFormat('ru-RU', { style: 'percent', maximumFractionDigits: 0 });

/** The totals a dashboard shows, each with how to write it. */
export const TOTALS: {
  key: keyof StatsTotals;
  label: string;
  format: (value: number) => string;
  lowerIsBetter?: boolean;
}[] = [
  { key: 'visitors', label: 'Посетители', format: (value) => integer.format(value) },
  { key: 'visits', label: 'Визиты', format: (value) => integer.format(value) },
  { key: 'pageviews', label: 'Просмотры', format: (value) => integer.format(value) },
  {
    key: 'bounceRate',
    label: 'Отказы',
    format: (value) => percent.format(value),
    lowerIsBetter: true,
  },
  { key: 'visitDuration', label: 'Длительность визита', format: (value) => duration(value) },
  { key: 'events', label: 'События', format: (value) => integer.format(value) },
];

/** Seconds as `2 мин 05 с`. */
export const duration = (seconds: number) => {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes > 0 ? `${minutes} мин ${String(rest).padStart(2, '0')} с` : `${rest} с`;
};

/** The change against the previous period, as `+12 %`, or null when there was nothing before. */
export const change = (now: number, before: number) => {
  if (before === 0) return null;
  const ratio = (now - before) / before;
  return `${ratio > 0 ? '+' : ratio < 0 ? '−' : '±'}${percent.format(Math.abs(ratio))}`;
};

export const formatCount = (value: number) => integer.format(value);

/** The breakdowns' titles, their count's heading, and how an empty value reads. */
export const BREAKDOWN_TABLES: {
  key: StatsBreakdown;
  title: string;
  column: string;
  count: string;
  empty?: string;
}[] = [
  { key: 'pages', column: 'Страница', title: 'Страницы', count: 'Просмотры' },
  {
    key: 'referrers',
    column: 'Источник',
    title: 'Источники',
    count: 'Визиты',
    empty: 'Прямые заходы',
  },
  { key: 'campaigns', column: 'Кампания', title: 'UTM-кампании', count: 'Визиты' },
  { key: 'sources', column: 'Источник', title: 'UTM-источники', count: 'Визиты' },
  { key: 'devices', column: 'Устройство', title: 'Устройства', count: 'Визиты' },
  { key: 'browsers', column: 'Браузер', title: 'Браузеры', count: 'Визиты' },
  { key: 'os', column: 'Система', title: 'Операционные системы', count: 'Визиты' },
  { key: 'countries', column: 'Страна', title: 'Страны', count: 'Визиты' },
  { key: 'events', column: 'Событие', title: 'События', count: 'Срабатывания' },
];

/** Device classes as the tracker names them. */
export const DEVICE_LABELS: Record<string, string> = {
  desktop: 'Компьютер',
  mobile: 'Телефон',
  tablet: 'Планшет',
};
