import { describe, expect, it } from 'vitest';

import {
  addBusinessMinutes,
  businessMinutesBetween,
  DEFAULT_BUSINESS_CALENDAR,
  InvalidCalendarError,
  validateBusinessCalendar,
  type BusinessCalendar,
  type BusinessInterval,
} from '../business-calendar';

const moscow = DEFAULT_BUSINESS_CALENDAR;
const at = (iso: string) => new Date(iso);
const berlinWorkday: BusinessInterval[] = [['09:00', '18:00']];
const berlin: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  week: {
    sun: [],
    mon: berlinWorkday,
    tue: berlinWorkday,
    wed: berlinWorkday,
    thu: berlinWorkday,
    fri: berlinWorkday,
    sat: [],
  },
  holidays: [],
};

describe('addBusinessMinutes', () => {
  it('carries the rest of a Friday over the weekend to Monday morning (Moscow)', () => {
    // Friday 2026-12-04 17:00 MSK is 14:00Z; 60 minutes left on Friday, 60 on Monday.
    expect(addBusinessMinutes(at('2026-12-04T14:00:00Z'), 120, moscow)).toEqual(
      at('2026-12-07T07:00:00Z')
    );
  });

  it('skips a holiday Monday too', () => {
    const calendar = { ...moscow, holidays: ['2026-12-07'] };
    expect(addBusinessMinutes(at('2026-12-04T14:00:00Z'), 120, calendar)).toEqual(
      at('2026-12-08T07:00:00Z')
    );
  });

  it('starts counting at the opening when started before hours or on a weekend', () => {
    expect(addBusinessMinutes(at('2026-12-05T10:00:00Z'), 30, moscow)).toEqual(
      at('2026-12-07T06:30:00Z')
    );
  });

  it('follows the clocks of Berlin across both DST changes', () => {
    // Autumn: Friday 17:00 CEST (15:00Z) + 120 → Monday 10:00 CET (09:00Z).
    expect(addBusinessMinutes(at('2026-10-23T15:00:00Z'), 120, berlin)).toEqual(
      at('2026-10-26T09:00:00Z')
    );
    // Spring: Friday 17:00 CET (16:00Z) + 120 → Monday 10:00 CEST (08:00Z).
    expect(addBusinessMinutes(at('2026-03-27T16:00:00Z'), 120, berlin)).toEqual(
      at('2026-03-30T08:00:00Z')
    );
  });

  it('reaches a due time months ahead by whole intervals', () => {
    // 200 working days of 540 minutes: a year of calendar days stepped interval by interval.
    const due = addBusinessMinutes(at('2026-01-05T06:00:00Z'), 200 * 540, moscow);
    expect(businessMinutesBetween(at('2026-01-05T06:00:00Z'), due, moscow)).toBe(200 * 540);
  });
});

describe('businessMinutesBetween', () => {
  it('counts only open time across a weekend and a holiday', () => {
    const calendar = { ...moscow, holidays: ['2026-12-07'] };
    expect(
      businessMinutesBetween(at('2026-12-04T14:00:00Z'), at('2026-12-08T07:00:00Z'), calendar)
    ).toBe(120);
    expect(
      businessMinutesBetween(at('2026-12-08T07:00:00Z'), at('2026-12-04T14:00:00Z'), calendar)
    ).toBe(0);
  });

  it('counts the 25-hour day of a DST change as 25 hours', () => {
    const always: BusinessInterval[] = [['00:00', '24:00']];
    const calendar: BusinessCalendar = {
      ...berlin,
      week: {
        sun: always,
        mon: always,
        tue: always,
        wed: always,
        thu: always,
        fri: always,
        sat: always,
      },
    };
    // Saturday 00:00 CEST to Monday 00:00 CET: 49 real hours.
    expect(
      businessMinutesBetween(at('2026-10-23T22:00:00Z'), at('2026-10-25T23:00:00Z'), calendar)
    ).toBe(49 * 60);
  });
});

describe('validateBusinessCalendar', () => {
  const withWeek = (week: Partial<BusinessCalendar['week']>): BusinessCalendar => ({
    ...moscow,
    week: { ...moscow.week, ...week },
  });

  it.each([
    [{ ...moscow, timeZone: 'Mars/Olympus' }, 'timeZone'],
    [withWeek({ tue: [['9:00', '18:00']] }), 'week.tue[0]'],
    [withWeek({ wed: [['18:00', '09:00']] }), 'week.wed[0]'],
    [
      withWeek({
        thu: [
          ['09:00', '13:00'],
          ['12:00', '18:00'],
        ],
      }),
      'week.thu[1]',
    ],
    [
      { ...moscow, week: { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] } },
      'week',
    ],
    [{ ...moscow, holidays: ['2026-13-01'] }, 'holidays[0]'],
  ] as [BusinessCalendar, string][])('names the bad field %#', (calendar, field) => {
    expect(() => validateBusinessCalendar(calendar)).toThrow(InvalidCalendarError);
    try {
      validateBusinessCalendar(calendar);
    } catch (error) {
      expect((error as InvalidCalendarError).field).toBe(field);
      expect((error as InvalidCalendarError).message).toContain(field);
    }
  });

  it('accepts the default calendar and a day open until midnight', () => {
    expect(validateBusinessCalendar(moscow)).toBe(moscow);
    expect(() => validateBusinessCalendar(withWeek({ sat: [['10:00', '24:00']] }))).not.toThrow();
  });
});
