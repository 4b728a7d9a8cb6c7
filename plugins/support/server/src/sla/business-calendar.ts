import {
  instantOfLocalTime,
  isoDateOf,
  localDateOf,
  nextLocalDate,
  weekdayOf,
  type LocalDate,
} from './zoned-time';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening hours of one day, local 'HH:MM' (end may be '24:00'). */
export type BusinessInterval = [start: string, end: string];

export interface BusinessCalendar {
  /** IANA zone, e.g. Europe/Moscow. */
  timeZone: string;
  /** Open intervals per weekday; an empty list means closed. */
  week: Record<Weekday, BusinessInterval[]>;
  /** Closed days, local 'YYYY-MM-DD'. */
  holidays: string[];
}

export class InvalidCalendarError extends Error {
  constructor(
    readonly field: string,
    detail: string
  ) {
    super(`The business calendar's ${field} ${detail}.`);
    this.name = 'InvalidCalendarError';
  }
}

const workday: BusinessInterval[] = [['09:00', '18:00']];

export const DEFAULT_BUSINESS_CALENDAR: BusinessCalendar = {
  timeZone: 'Europe/Moscow',
  week: { sun: [], mon: workday, tue: workday, wed: workday, thu: workday, fri: workday, sat: [] },
  holidays: [],
};

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const minuteOfDay = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/** Throws InvalidCalendarError naming the first bad field; returns the calendar when sound. */
export const validateBusinessCalendar = (calendar: BusinessCalendar): BusinessCalendar => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: calendar.timeZone });
  } catch {
    throw new InvalidCalendarError('timeZone', `"${calendar.timeZone}" is not an IANA time zone`);
  }
  let open = false;
  for (const weekday of WEEKDAYS) {
    const intervals = calendar.week?.[weekday];
    if (!Array.isArray(intervals)) {
      throw new InvalidCalendarError(`week.${weekday}`, 'must be a list of intervals');
    }
    let previousEnd = -1;
    intervals.forEach((interval, index) => {
      const field = `week.${weekday}[${index}]`;
      if (
        !Array.isArray(interval) ||
        interval.length !== 2 ||
        !interval.every((t) => TIME.test(t))
      ) {
        throw new InvalidCalendarError(field, "must be ['HH:MM', 'HH:MM']");
      }
      const [start, end] = interval.map(minuteOfDay);
      if (start >= end) throw new InvalidCalendarError(field, 'must end after it starts');
      if (start < previousEnd) {
        throw new InvalidCalendarError(field, 'must start after the previous interval ends');
      }
      previousEnd = end;
      open = true;
    });
  }
  if (!open) throw new InvalidCalendarError('week', 'must have at least one open interval');
  calendar.holidays.forEach((holiday, index) => {
    if (!DATE.test(holiday)) {
      throw new InvalidCalendarError(`holidays[${index}]`, 'must be a date YYYY-MM-DD');
    }
  });
  return calendar;
};

/** The open intervals of one local day as instants [start, end) in ms. */
const openIntervalsOn = (date: LocalDate, calendar: BusinessCalendar): [number, number][] => {
  if (calendar.holidays.includes(isoDateOf(date))) return [];
  return calendar.week[WEEKDAYS[weekdayOf(date)]].map(([start, end]) => [
    instantOfLocalTime(date, minuteOfDay(start), calendar.timeZone),
    instantOfLocalTime(date, minuteOfDay(end), calendar.timeZone),
  ]);
};

// A calendar open at least one day a week reaches any span within this many days.
const MAX_DAYS_SCANNED = 366 * 20;

/** The instant after `minutes` of business time counted from `start`. */
export const addBusinessMinutes = (
  start: Date,
  minutes: number,
  calendar: BusinessCalendar
): Date => {
  let remainingMs = minutes * 60_000;
  if (remainingMs <= 0) return new Date(start.getTime());
  let date = localDateOf(start.getTime(), calendar.timeZone);
  for (let day = 0; day < MAX_DAYS_SCANNED; day += 1, date = nextLocalDate(date)) {
    for (const [open, close] of openIntervalsOn(date, calendar)) {
      const from = Math.max(open, start.getTime());
      if (from >= close) continue;
      if (remainingMs <= close - from) return new Date(from + remainingMs);
      remainingMs -= close - from;
    }
  }
  throw new InvalidCalendarError('week', 'has no open time in the next twenty years');
};

/** Business minutes from `from` to `to`; 0 when `to` is not after `from`. */
export const businessMinutesBetween = (
  from: Date,
  to: Date,
  calendar: BusinessCalendar
): number => {
  const [start, end] = [from.getTime(), to.getTime()];
  if (end <= start) return 0;
  let totalMs = 0;
  const last = isoDateOf(localDateOf(end, calendar.timeZone));
  for (let date = localDateOf(start, calendar.timeZone); ; date = nextLocalDate(date)) {
    for (const [open, close] of openIntervalsOn(date, calendar)) {
      totalMs += Math.max(0, Math.min(close, end) - Math.max(open, start));
    }
    if (isoDateOf(date) >= last) break;
  }
  return totalMs / 60_000;
};
