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

/** "4,5 из 5 · 12 отзывов" */
export const formatRating = (
  average: number | null | undefined,
  count: number | null | undefined
) => {
  if (!count || !average) return 'Пока нет отзывов';
  const n = count % 100;
  const word =
    n % 10 === 1 && n !== 11
      ? 'отзыв'
      : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n)
        ? 'отзыва'
        : 'отзывов';
  return `${average.toLocaleString('ru-RU')} из 5 · ${count} ${word}`;
};
