import { describe, expect, it } from 'vitest';

import { medianAndP90 } from '../percentiles';
import { supportStats, type StatsTicketRow } from '../support-stats';

const at = (iso: string) => new Date(iso);
const groups = [
  { id: 1, slug: 'billing', name: 'Billing' },
  { id: 2, slug: 'moderation', name: 'Moderation' },
  { id: 3, slug: 'tech', name: 'Tech' },
];
const ticket = (fields: Partial<StatsTicketRow> & { createdAt: Date }): StatsTicketRow => ({
  firstRespondedAt: null,
  resolvedAt: null,
  closedAt: null,
  groupId: 1,
  status: 'open',
  firstResponseDueAt: null,
  resolutionDueAt: null,
  ...fields,
});
// Moscow is UTC+3: 22:30Z on the 1st is already the 2nd there.
const range = {
  from: '2026-12-01',
  to: '2026-12-03',
  timeZone: 'Europe/Moscow',
  now: at('2026-12-03T12:00:00Z'),
};

describe('supportStats', () => {
  const tickets = [
    ticket({
      createdAt: at('2026-12-01T07:00:00Z'),
      firstRespondedAt: at('2026-12-01T07:10:00Z'),
      resolvedAt: at('2026-12-01T09:00:00Z'),
      closedAt: at('2026-12-01T09:00:00Z'),
      status: 'closed',
      firstResponseDueAt: at('2026-12-01T08:00:00Z'),
      resolutionDueAt: at('2026-12-01T08:30:00Z'),
    }),
    ticket({
      createdAt: at('2026-12-01T22:30:00Z'),
      firstRespondedAt: at('2026-12-02T00:00:00Z'),
      groupId: 3,
      firstResponseDueAt: at('2026-12-01T23:30:00Z'),
    }),
    ticket({
      createdAt: at('2026-12-02T08:00:00Z'),
      firstRespondedAt: at('2026-12-02T08:30:00Z'),
      resolvedAt: at('2026-12-03T08:00:00Z'),
      closedAt: at('2026-12-03T09:00:00Z'),
      status: 'closed',
      resolutionDueAt: at('2026-12-04T08:00:00Z'),
    }),
    ticket({
      createdAt: at('2026-12-03T06:00:00Z'),
      groupId: 3,
      status: 'pending',
      firstResponseDueAt: at('2026-12-03T10:00:00Z'),
    }),
    ticket({ createdAt: at('2026-11-20T06:00:00Z'), groupId: 2, status: 'on-hold' }),
  ];
  const stats = supportStats(tickets, groups, range);

  it('counts opened and closed per local day', () => {
    expect(stats.days).toEqual([
      { day: '2026-12-01', opened: 1, closed: 1 },
      { day: '2026-12-02', opened: 2, closed: 0 },
      { day: '2026-12-03', opened: 1, closed: 1 },
    ]);
  });

  it('takes median and p90 of first-response and resolution minutes', () => {
    // First responses: 10, 90, 30 → median 30, p90 90. Resolutions: 120, 1440.
    expect(stats.firstResponseMinutes).toEqual({ median: 30, p90: 90 });
    expect(stats.resolutionMinutes).toEqual({ median: 780, p90: 1440 });
  });

  it('counts breaches on the local day they fell due, unmet ones once past due', () => {
    // Ticket 1 breached resolution on the 1st; ticket 2 answered late, due at 02:30 MSK on the
    // 2nd; ticket 4 unanswered past its due at 13:00 MSK on the 3rd (now is 15:00 MSK).
    expect(stats.breaches).toEqual([
      { day: '2026-12-01', firstResponse: 0, resolution: 1 },
      { day: '2026-12-02', firstResponse: 1, resolution: 0 },
      { day: '2026-12-03', firstResponse: 1, resolution: 0 },
    ]);
  });

  it('shows the backlog of active tickets by group, largest first', () => {
    expect(stats.backlogByGroup.map(({ group, count }) => [group.slug, count])).toEqual([
      ['tech', 2],
      ['moderation', 1],
      ['billing', 0],
    ]);
  });
});

describe('medianAndP90', () => {
  it('is null for no values and nearest-rank for p90', () => {
    expect(medianAndP90([])).toEqual({ median: null, p90: null });
    expect(medianAndP90([5, 1, 4, 2, 3, 6, 7, 8, 9, 10])).toEqual({ median: 5.5, p90: 9 });
  });
});
