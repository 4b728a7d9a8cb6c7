import type { Core } from '@strapi/strapi';

import type { AuditEntryView, TicketDetail, TicketMessageView } from '../../../shared/contracts';
import { AUDIT_ENTRY, TICKET_MESSAGE } from '../content-types/uids';
import { moderationSubjects, parseSubjectRef } from '../moderation/moderation-subjects';
import { agentName, requesterNameOf, type TicketRow } from '../tickets/ticket-row';
import { iso, listItemOf } from './ticket-views';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

/** Where an agent downloads a message's file (admin API, checked against the ticket). */
export const fileUrlOf = (number: string, fileId: number) =>
  `/support/tickets/${number}/files/${fileId}`;

const messageViewOf = (number: string, message: Row): TicketMessageView => ({
  id: message.id,
  kind: message.kind,
  author: {
    kind: message.authorKind,
    name: message.authorKind === 'agent' ? agentName(message.agent) : null,
  },
  channel: message.channel,
  text: message.text,
  createdAt: iso(message.createdAt)!,
  attachments: (message.attachments ?? []).map((file: Row) => ({
    id: file.id,
    name: file.name,
    mime: file.mime,
    size: Math.round(file.size * 1024),
    url: fileUrlOf(number, file.id),
  })),
  delivery: message.delivery ?? null,
});

const auditViewOf = (entry: Row): AuditEntryView => ({
  id: entry.id,
  at: iso(entry.at)!,
  actor: {
    kind: entry.actorKind,
    name: entry.actorKind === 'agent' ? agentName(entry.actor) : null,
  },
  action: entry.action,
  before: entry.before ?? null,
  after: entry.after ?? null,
});

/** Everything an agent sees of one ticket: the whole thread with notes, the audit trail. */
export const ticketDetailOf = async (
  strapi: Core.Strapi,
  ticket: TicketRow,
  now = new Date()
): Promise<TicketDetail> => {
  const [messages, audit] = await Promise.all([
    strapi.db.query(TICKET_MESSAGE).findMany({
      where: { ticket: { id: ticket.id } },
      populate: { agent: { select: ['firstname', 'lastname'] }, attachments: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }) as Promise<Row[]>,
    strapi.db.query(AUDIT_ENTRY).findMany({
      where: { ticket: { id: ticket.id } },
      populate: { actor: { select: ['firstname', 'lastname'] } },
      orderBy: { id: 'asc' },
    }) as Promise<Row[]>,
  ]);
  const subject = parseSubjectRef(ticket.subjectRef);
  const subjects = moderationSubjects(strapi);
  return {
    ...listItemOf(ticket, now),
    requester: {
      userId: ticket.requester?.id,
      name: requesterNameOf(ticket),
      email: ticket.requesterEmail ?? ticket.requester?.email ?? undefined,
      phone: ticket.requesterPhone ?? undefined,
      telegramChatId: ticket.requesterTelegramChatId ?? undefined,
    },
    clinic: ticket.clinic,
    firstResponseDueAt: iso(ticket.firstResponseDueAt),
    resolutionDueAt: iso(ticket.resolutionDueAt),
    links: ticket.links ?? [],
    mergedInto: ticket.mergedInto?.number ?? null,
    problem: ticket.problem ? { ...ticket.problem } : null,
    moderation: subject && subjects ? await subjects.view(subject.kind, subject.documentId) : null,
    messages: messages.map((message) => messageViewOf(ticket.number, message)),
    audit: audit.map(auditViewOf),
  };
};
