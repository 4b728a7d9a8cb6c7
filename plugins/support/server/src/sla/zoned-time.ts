// Wall-clock arithmetic in an IANA zone with Intl only: the desk's calendars are local times.

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

const wallClockAsUtc = (instant: number, timeZone: string): number => {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
};

/** Minutes the zone is ahead of UTC at this instant. */
const offsetMinutes = (instant: number, timeZone: string): number =>
  Math.round((wallClockAsUtc(instant, timeZone) - instant) / 60_000);

export const localDateOf = (instant: number, timeZone: string): LocalDate => {
  const wall = new Date(wallClockAsUtc(instant, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
};

export const nextLocalDate = ({ year, month, day }: LocalDate): LocalDate => {
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
};

/** 0 = Sunday, as Date#getDay. */
export const weekdayOf = ({ year, month, day }: LocalDate): number =>
  new Date(Date.UTC(year, month - 1, day)).getUTCDay();

export const isoDateOf = ({ year, month, day }: LocalDate): string =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * The instant at which the zone's clocks show this date and minute of the day. The offset is
 * looked up twice because the first guess may fall on the other side of a DST change.
 */
export const instantOfLocalTime = (
  date: LocalDate,
  minuteOfDay: number,
  timeZone: string
): number => {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * 60_000;
  const firstGuess = wall - offsetMinutes(wall, timeZone) * 60_000;
  return wall - offsetMinutes(firstGuess, timeZone) * 60_000;
};
