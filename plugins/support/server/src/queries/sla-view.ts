import type { SlaState } from '../../../shared/contracts';
import { businessMinutesBetween, DEFAULT_BUSINESS_CALENDAR } from '../sla/business-calendar';
import { slaState } from '../sla/sla-policy';
import { isActive, type TicketRow } from '../tickets/ticket-row';

type SlaFields = Pick<
  TicketRow,
  | 'status'
  | 'createdAt'
  | 'firstRespondedAt'
  | 'firstResponseDueAt'
  | 'resolutionDueAt'
  | 'pausedAt'
>;

/** The target a ticket runs against now: its first response, then its resolution. */
export const nextDueOf = (ticket: SlaFields): Date | null => {
  if (!isActive(ticket.status)) return null;
  if (!ticket.firstRespondedAt && ticket.firstResponseDueAt)
    return new Date(ticket.firstResponseDueAt);
  // Waiting for the requester stops the resolution clock.
  if (ticket.pausedAt) return null;
  return ticket.resolutionDueAt ? new Date(ticket.resolutionDueAt) : null;
};

/**
 * Where a ticket stands against its SLA at `now`: near when less than a fifth of the business
 * time it was given is left. Measured on the desk's default calendar.
 */
export const slaOf = (ticket: SlaFields, now: Date): { state: SlaState; dueAt: string | null } => {
  const due = nextDueOf(ticket);
  if (!due) return { state: 'none', dueAt: null };
  const calendar = DEFAULT_BUSINESS_CALENDAR;
  const allowed = businessMinutesBetween(new Date(ticket.createdAt), due, calendar);
  return { state: slaState(now, due, allowed, calendar), dueAt: due.toISOString() };
};
