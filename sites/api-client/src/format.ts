/**
 * How the sites show the content API's values to Russian readers: prices in minor units as
 * roubles, ratings with the right plural, plain text as paragraphs.
 *
 * @packageDocumentation
 */

/** A price in minor units (kopecks) as Russians read it: "1 500 ₽". */
export const formatPrice = (minor: number | null | undefined, currency = 'RUB'): string =>
  minor === null || minor === undefined
    ? ''
    : new Intl.NumberFormat('ru-RU', {
        style: 'currency',
        currency,
        maximumFractionDigits: minor % 100 === 0 ? 0 : 2,
      }).format(minor / 100);

/** Text with blank lines between paragraphs, as paragraphs; Astro escapes each. */
export const paragraphs = (text: string | null | undefined): string[] =>
  (text ?? '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);

/** The Russian word for `count` of something: 1 отзыв, 3 отзыва, 12 отзывов. */
const plural = (count: number, one: string, few: string, many: string) => {
  const n = Math.abs(count) % 100;
  return n % 10 === 1 && n !== 11
    ? one
    : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n)
      ? few
      : many;
};

/** "4,5 из 5 · 12 отзывов" */
export const formatRating = (
  average: number | null | undefined,
  count: number | null | undefined
) => {
  if (!count || !average) return 'Пока нет отзывов';
  return `${average.toLocaleString('ru-RU')} из 5 · ${count} ${plural(count, 'отзыв', 'отзыва', 'отзывов')}`;
};

/** A span of whole years: "1 год", "3 года", "21 год", "15 лет". */
export const formatYears = (years: number) => `${years} ${plural(years, 'год', 'года', 'лет')}`;
