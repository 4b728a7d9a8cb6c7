const formats = new Map<string, Intl.DateTimeFormat>();

const formatIn = (timeZone: string) => {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format;
};

const partsIn = (at: Date, timeZone: string) => {
  const parts = Object.fromEntries(
    formatIn(timeZone)
      .formatToParts(at)
      .map((part) => [part.type, part.value])
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: parts.hour as string };
};

/**
 * The day `at` falls on in `timeZone`, as `YYYY-MM-DD`: the unit of daily figures, and the
 * life of a visitor salt.
 *
 * @example
 * ```ts
 * dayOf(new Date('2026-12-06T22:30:00Z'), 'Europe/Moscow'); // → '2026-12-07'
 * ```
 */
export const dayOf = (at: Date, timeZone: string): string => partsIn(at, timeZone).day;

/** The hour `at` falls in, in `timeZone`, as `YYYY-MM-DDTHH` (a chart's point of a day). */
export const hourOf = (at: Date, timeZone: string): string => {
  const { day, hour } = partsIn(at, timeZone);
  return `${day}T${hour}`;
};

/** The day `days` after `day` (negative: before), calendar arithmetic on `YYYY-MM-DD`. */
export const addDays = (day: string, days: number): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
