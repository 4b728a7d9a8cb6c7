import type { SlaState } from '../../../shared/contracts';
import { isActive, type TicketRow } from '../tickets/ticket-row';

/** Less than this share of the allowed time left: the ticket is near breach. */
const NEAR_SHARE = 0.2;

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

/** Where a ticket stands against its SLA at `now`. */
export const slaOf = (ticket: SlaFields, now: Date): { state: SlaState; dueAt: string | null } => {
  const due = nextDueOf(ticket);
  if (!due) return { state: 'none', dueAt: null };
  const left = due.getTime() - now.getTime();
  const allowed = due.getTime() - new Date(ticket.createdAt).getTime();
  const state: SlaState = left < 0 ? 'breached' : left < allowed * NEAR_SHARE ? 'near' : 'ok';
  return { state, dueAt: due.toISOString() };
};
