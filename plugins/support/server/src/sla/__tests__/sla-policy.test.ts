import { describe, expect, it } from 'vitest';

import { DEFAULT_BUSINESS_CALENDAR as moscow } from '../business-calendar';
import {
  compareByUrgency,
  dueTimes,
  InvalidSlaPolicyError,
  resolutionDueAfterPause,
  slaState,
  validateSlaPolicy,
  type SlaPolicy,
} from '../sla-policy';

const at = (iso: string) => new Date(iso);
const policy: SlaPolicy = {
  low: { firstResponseMinutes: 960, resolutionMinutes: 4800 },
  normal: { firstResponseMinutes: 240, resolutionMinutes: 1440 },
  high: { firstResponseMinutes: 60, resolutionMinutes: 540 },
  urgent: { firstResponseMinutes: 30, resolutionMinutes: 240 },
};

describe('dueTimes', () => {
  it('puts a Friday-evening ticket due on Monday and Tuesday, by business time', () => {
    // Friday 17:00 MSK; high: 60 minutes (all of Friday's rest), 540 = the rest + 480 on Monday.
    expect(dueTimes(at('2026-12-04T14:00:00Z'), 'high', policy, moscow)).toEqual({
      firstResponseDueAt: at('2026-12-04T15:00:00Z'),
      resolutionDueAt: at('2026-12-07T14:00:00Z'),
    });
  });
});

describe('slaState', () => {
  // Due Monday 10:40 MSK with 100 business minutes allowed: 'near' below 20 left.
  const due = at('2026-12-07T07:40:00Z');

  it('turns near strictly below a fifth of the allowed time, breached at the due time', () => {
    expect(slaState(at('2026-12-07T07:20:00Z'), due, 100, moscow)).toBe('ok');
    expect(slaState(at('2026-12-07T07:21:00Z'), due, 100, moscow)).toBe('near');
    expect(slaState(at('2026-12-07T07:39:59Z'), due, 100, moscow)).toBe('near');
    expect(slaState(due, due, 100, moscow)).toBe('breached');
    expect(slaState(at('2026-12-07T07:20:00Z'), null, 100, moscow)).toBe('none');
  });

  it('measures what is left in business time, not wall time, over a weekend', () => {
    // Friday 17:50 MSK: 10 minutes on Friday + 100 on Monday = 110 left of 600 allowed → near,
    // although the due time is 63 wall hours away.
    expect(slaState(at('2026-12-04T14:50:00Z'), due, 600, moscow)).toBe('near');
    expect(slaState(at('2026-12-04T14:50:00Z'), due, 500, moscow)).toBe('ok');
  });
});

describe('compareByUrgency', () => {
  it('orders breached, near, ok, none, and earlier due first within a state', () => {
    const rows = [
      { id: 'none', state: 'none' as const, dueAt: null },
      { id: 'ok', state: 'ok' as const, dueAt: at('2026-12-07T08:00:00Z') },
      { id: 'near-late', state: 'near' as const, dueAt: at('2026-12-08T08:00:00Z') },
      { id: 'breached', state: 'breached' as const, dueAt: at('2026-12-01T08:00:00Z') },
      { id: 'near-early', state: 'near' as const, dueAt: at('2026-12-07T07:00:00Z') },
    ];
    expect(rows.sort(compareByUrgency).map((row) => row.id)).toEqual([
      'breached',
      'near-early',
      'near-late',
      'ok',
      'none',
    ]);
  });
});

describe('resolutionDueAfterPause', () => {
  it('moves the due time by the business minutes of the pause only', () => {
    // Paused Friday 17:00 → Monday 10:00 MSK: 120 business minutes; due Monday 12:00 → 14:00.
    expect(
      resolutionDueAfterPause(
        at('2026-12-07T09:00:00Z'),
        at('2026-12-04T14:00:00Z'),
        at('2026-12-07T07:00:00Z'),
        moscow
      )
    ).toEqual(at('2026-12-07T11:00:00Z'));
  });

  it('does not lift a breach by pausing afterwards', () => {
    const due = at('2026-12-07T09:00:00Z');
    expect(
      resolutionDueAfterPause(due, at('2026-12-07T10:00:00Z'), at('2026-12-08T10:00:00Z'), moscow)
    ).toBe(due);
  });
});

describe('validateSlaPolicy', () => {
  it('names the priority and target that are wrong', () => {
    expect(validateSlaPolicy(policy)).toBe(policy);
    const bad = { ...policy, urgent: { firstResponseMinutes: 0, resolutionMinutes: 240 } };
    expect(() => validateSlaPolicy(bad)).toThrow(InvalidSlaPolicyError);
    expect(() => validateSlaPolicy(bad)).toThrow(/urgent\.firstResponseMinutes/);
  });
});
