/** A round top for an axis (1, 2 or 5 times a power of ten) at or above the largest value. */
export const niceMax = (largest: number): number => {
  if (largest <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(largest));
  const step = [1, 2, 5, 10].find((factor) => factor * power >= largest)!;
  return step * power;
};

/** 'YYYY-MM-DD' → 'DD.MM', short enough for an axis under a bar. */
export const shortDay = (day: string): string => `${day.slice(8, 10)}.${day.slice(5, 7)}`;
