import { describe, expect, it } from 'vitest';

import { DEFAULT_BUSINESS_CALENDAR } from '../../sla/business-calendar';
import { shouldReturnToGroup } from '../return-rule';

const at = (iso: string) => new Date(iso);

describe('shouldReturnToGroup', () => {
  const assignedAt = at('2026-12-07T07:00:00Z');

  it('returns an unanswered ticket once the time is up, and keeps an answered one', () => {
    const base = { assignedAt, firstAgentReplyAt: null, returnAfterMinutes: 30 };
    expect(shouldReturnToGroup({ ...base, now: at('2026-12-07T07:29:00Z') })).toBe(false);
    expect(shouldReturnToGroup({ ...base, now: at('2026-12-07T07:30:00Z') })).toBe(true);
    expect(
      shouldReturnToGroup({
        ...base,
        firstAgentReplyAt: at('2026-12-07T07:10:00Z'),
        now: at('2026-12-07T09:00:00Z'),
      })
    ).toBe(false);
  });

  it('ignores a reply given before this assignment', () => {
    expect(
      shouldReturnToGroup({
        assignedAt,
        firstAgentReplyAt: at('2026-12-07T06:00:00Z'),
        now: at('2026-12-07T08:00:00Z'),
        returnAfterMinutes: 30,
      })
    ).toBe(true);
  });

  it('counts business time only when a calendar is given', () => {
    // Assigned Friday 17:50 MSK; by Monday 09:10 only 20 business minutes have passed.
    const input = {
      assignedAt: at('2026-12-04T14:50:00Z'),
      firstAgentReplyAt: null,
      now: at('2026-12-07T06:10:00Z'),
      returnAfterMinutes: 30,
    };
    expect(shouldReturnToGroup(input)).toBe(true);
    expect(shouldReturnToGroup({ ...input, calendar: DEFAULT_BUSINESS_CALENDAR })).toBe(false);
  });
});
