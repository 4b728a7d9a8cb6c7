import type { Channel, TicketPriority, TicketStatus } from '../../../shared/contracts';

/** A ticket row as the query engine returns it, with the relations the desk reads. */
export interface TicketRow {
  id: number;
  number: string;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  channel: Channel;
  group: { id: number; slug: string; name: string } | null;
  assignee: { id: number; firstname: string | null; lastname: string | null } | null;
  assignedAt: string | null;
  requester: { id: number; email: string; fullName?: string | null } | null;
  requesterName: string | null;
  requesterEmail: string | null;
  requesterPhone: string | null;
  requesterTelegramChatId: string | null;
  tags: string[] | null;
  clinic: string | null;
  subjectRef: string | null;
  links: { kind: 'ticket' | 'review' | 'report' | 'call'; ref: string }[] | null;
  flagged: boolean | null;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  pausedAt: string | null;
  lastActivityAt: string | null;
  problem: { id: number; title: string; status: 'open' | 'resolved' } | null;
  mergedInto: { id: number; number: string } | null;
  searchText: string | null;
  createdAt: string;
  updatedAt: string;
}

export const TICKET_POPULATE = {
  group: { select: ['id', 'slug', 'name'] },
  assignee: { select: ['id', 'firstname', 'lastname'] },
  requester: { select: ['id', 'email', 'fullName'] },
  problem: { select: ['id', 'title', 'status'] },
  mergedInto: { select: ['id', 'number'] },
};

/** The name to show for an admin-panel user. */
export const agentName = (user: { firstname: string | null; lastname: string | null } | null) =>
  user ? [user.firstname, user.lastname].filter(Boolean).join(' ') || null : null;

/** The name to show for whoever asked. */
export const requesterNameOf = (ticket: TicketRow) =>
  ticket.requester?.fullName ||
  ticket.requesterName ||
  ticket.requesterEmail ||
  ticket.requesterPhone ||
  null;

/** Tickets still waiting for the desk. */
export const isActive = (status: TicketStatus) => status !== 'resolved' && status !== 'closed';

/** The text full-text search looks in, lower-cased once when written. */
export const searchTextOf = (...parts: (string | null | undefined)[]) =>
  parts.filter(Boolean).join('\n').toLowerCase().slice(0, 100_000);
