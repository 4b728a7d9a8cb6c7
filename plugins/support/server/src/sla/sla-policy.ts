import type { SlaState, TicketPriority } from '../../../shared/contracts';
import { TICKET_PRIORITIES } from '../../../shared/contracts';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  type BusinessCalendar,
} from './business-calendar';

export interface SlaTargets {
  /** Business minutes until the first agent reply is due. */
  firstResponseMinutes: number;
  /** Business minutes until the ticket is due resolved. */
  resolutionMinutes: number;
}

export type SlaPolicy = Record<TicketPriority, SlaTargets>;

export class InvalidSlaPolicyError extends Error {
  constructor(readonly field: string) {
    super(`The SLA policy's ${field} must be a whole number of minutes greater than zero.`);
    this.name = 'InvalidSlaPolicyError';
  }
}

export const validateSlaPolicy = (policy: SlaPolicy): SlaPolicy => {
  for (const priority of TICKET_PRIORITIES) {
    for (const target of ['firstResponseMinutes', 'resolutionMinutes'] as const) {
      const minutes = policy[priority]?.[target];
      if (!Number.isInteger(minutes) || minutes <= 0) {
        throw new InvalidSlaPolicyError(`${priority}.${target}`);
      }
    }
  }
  return policy;
};

export interface DueTimes {
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
}

export const dueTimes = (
  createdAt: Date,
  priority: TicketPriority,
  policy: SlaPolicy,
  calendar: BusinessCalendar
): DueTimes => ({
  firstResponseDueAt: addBusinessMinutes(
    createdAt,
    policy[priority].firstResponseMinutes,
    calendar
  ),
  resolutionDueAt: addBusinessMinutes(createdAt, policy[priority].resolutionMinutes, calendar),
});

/** Below this share of the allowed business time left, a ticket is 'near' its breach. */
export const NEAR_SHARE = 0.2;

export const slaState = (
  now: Date,
  dueAt: Date | null,
  allowedBusinessMinutes: number,
  calendar: BusinessCalendar
): SlaState => {
  if (dueAt === null) return 'none';
  if (now.getTime() >= dueAt.getTime()) return 'breached';
  const left = businessMinutesBetween(now, dueAt, calendar);
  return left < allowedBusinessMinutes * NEAR_SHARE ? 'near' : 'ok';
};

const STATE_RANK: Record<SlaState, number> = { breached: 0, near: 1, ok: 2, none: 3 };

/** Sorts most urgent first: breached, then near, then ok, then none; earlier due first within each. */
export const compareByUrgency = (
  a: { state: SlaState; dueAt: Date | null },
  b: { state: SlaState; dueAt: Date | null }
): number =>
  STATE_RANK[a.state] - STATE_RANK[b.state] ||
  (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) ||
  0;

/**
 * While the desk waits on the requester (pending, on-hold) the resolution clock stops: the due
 * time moves by the business minutes of the pause. A pause begun after the breach changes nothing.
 */
export const resolutionDueAfterPause = (
  dueAt: Date,
  pausedFrom: Date,
  resumedAt: Date,
  calendar: BusinessCalendar
): Date => {
  if (pausedFrom.getTime() >= dueAt.getTime()) return dueAt;
  return addBusinessMinutes(
    dueAt,
    businessMinutesBetween(pausedFrom, resumedAt, calendar),
    calendar
  );
};
