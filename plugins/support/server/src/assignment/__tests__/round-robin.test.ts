import { describe, expect, it } from 'vitest';

import { pickAssignee, type AssignmentCandidate } from '../round-robin';

const agent = (id: number, fields: Partial<AssignmentCandidate> = {}): AssignmentCandidate => ({
  id,
  available: true,
  lastAssignedAt: null,
  openTickets: 0,
  ...fields,
});

describe('pickAssignee', () => {
  it('shares 1000 arrivals evenly, and none to an agent once unavailable', () => {
    const agents = [agent(1), agent(2), agent(3)];
    const counts = new Map<number, number>();
    const countsAfterLeaving = new Map<number, number>();
    let clock = Date.UTC(2026, 11, 7, 6);
    for (let arrival = 0; arrival < 1000; arrival += 1) {
      if (arrival === 500) agents[1].available = false;
      clock += 60_000;
      const id = pickAssignee(agents);
      expect(id).not.toBeNull();
      const chosen = agents.find((candidate) => candidate.id === id)!;
      chosen.lastAssignedAt = new Date(clock);
      chosen.openTickets += 1;
      // Some tickets get solved, so open counts drift apart from assignment counts.
      if (arrival % 7 === 0) chosen.openTickets -= 1;
      counts.set(chosen.id, (counts.get(chosen.id) ?? 0) + 1);
      if (arrival >= 500)
        countsAfterLeaving.set(chosen.id, (countsAfterLeaving.get(chosen.id) ?? 0) + 1);
    }
    expect(countsAfterLeaving.has(2)).toBe(false);
    const [first, third] = [countsAfterLeaving.get(1)!, countsAfterLeaving.get(3)!];
    expect(first + third).toBe(500);
    expect(Math.abs(first - third)).toBeLessThanOrEqual(1);
    // Before agent 2 left, the three shared the first 500 within one of each other.
    expect(counts.get(2)).toBeGreaterThanOrEqual(166);
    expect(counts.get(2)).toBeLessThanOrEqual(167);
  });

  it('prefers never-assigned, then longest ago, then fewer open tickets, then lower id', () => {
    const early = new Date('2026-12-07T06:00:00Z');
    const late = new Date('2026-12-07T07:00:00Z');
    expect(pickAssignee([agent(1, { lastAssignedAt: early }), agent(2)])).toBe(2);
    expect(
      pickAssignee([agent(1, { lastAssignedAt: late }), agent(2, { lastAssignedAt: early })])
    ).toBe(2);
    expect(
      pickAssignee([
        agent(1, { lastAssignedAt: early, openTickets: 4 }),
        agent(3, { lastAssignedAt: early, openTickets: 2 }),
        agent(2, { lastAssignedAt: early, openTickets: 2 }),
      ])
    ).toBe(2);
  });

  it('skips agents at the cap and returns null when nobody can take it', () => {
    const agents = [
      agent(1, { openTickets: 5 }),
      agent(2, { openTickets: 3, lastAssignedAt: new Date() }),
    ];
    expect(pickAssignee(agents, { maxOpenTickets: 5 })).toBe(2);
    expect(pickAssignee(agents, { maxOpenTickets: 3 })).toBeNull();
    expect(pickAssignee([agent(1, { available: false })])).toBeNull();
  });
});
