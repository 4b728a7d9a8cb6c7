import type { TicketListItem } from '../../../shared/contracts';
import { agentName, requesterNameOf, type TicketRow } from '../tickets/ticket-row';
import { slaOf } from './sla-view';

const iso = (value: string | Date | null) => (value ? new Date(value).toISOString() : null);

/** A ticket as the inbox lists it. */
export const listItemOf = (ticket: TicketRow, now: Date): TicketListItem => ({
  number: ticket.number,
  subject: ticket.subject,
  status: ticket.status,
  priority: ticket.priority,
  channel: ticket.channel,
  group: ticket.group
    ? { id: ticket.group.id, slug: ticket.group.slug, name: ticket.group.name }
    : null,
  assignee: ticket.assignee
    ? { id: ticket.assignee.id, name: agentName(ticket.assignee) ?? '' }
    : null,
  requesterName: requesterNameOf(ticket),
  tags: ticket.tags ?? [],
  sla: slaOf(ticket, now),
  problemId: ticket.problem?.id ?? null,
  createdAt: iso(ticket.createdAt)!,
  updatedAt: iso(ticket.lastActivityAt ?? ticket.updatedAt)!,
});

export { iso };
