import type { Core } from '@strapi/strapi';

import type {
  Channel,
  RequesterContact,
  TicketPriority,
  TicketStatus,
} from '../../../shared/contracts';
import { autoAssign } from '../assignment/auto-assign';
import { recordAudit } from '../audit/audit-trail';
import { TICKET } from '../content-types/uids';
import { liveEvents } from '../live/live-events';
import { groupFor } from '../routing/default-groups';
import { dueTimesFor } from '../sla/ticket-sla';
import type { Actor } from './actor';
import { insertMessage, type NewMessage } from './insert-message';
import { ticketNumberOf } from './ticket-number';
import { tagListOf } from './tags';
import { searchTextOf } from './ticket-row';

export interface TicketOpening {
  subject: string;
  text: string;
  channel: Channel;
  requester: RequesterContact;
  /** The group asked for (a bus message, a clinic's request); else routed by channel. */
  groupSlug?: string;
  clinic?: string | null;
  priority?: TicketPriority;
  status?: TicketStatus;
  tags?: string[];
  /** What the ticket stands for, when it is one: `review:<documentId>`, `call:<id>`. */
  subjectRef?: string;
  links?: { kind: 'ticket' | 'review' | 'report' | 'call'; ref: string }[];
  /** Mail kept raw because it could not be read: an agent must look. */
  flagged?: boolean;
  message: Pick<NewMessage, 'externalId' | 'email' | 'attachmentIds'> & {
    authorKind: 'requester' | 'system';
  };
  actor: Actor;
}

export interface OpenedTicket {
  id: number;
  number: string;
  groupId: number | null;
}

/**
 * Opens a ticket with its first message, in one transaction with its audit record: routed to
 * its group, SLA due times set from the group's policy. Once committed the Support pages hear
 * of it and the group's auto-assignment runs.
 */
export const openTicket = async (
  strapi: Core.Strapi,
  opening: TicketOpening,
  now = new Date()
): Promise<OpenedTicket> => {
  const group = await groupFor(strapi, opening.channel, opening.groupSlug);
  const priority = opening.priority ?? 'normal';
  const status = opening.status ?? 'new';
  const { requester } = opening;

  const opened = await strapi.db.transaction(async ({ onCommit }) => {
    const created = await strapi.db.query(TICKET).create({
      data: {
        // Replaced below by the number derived from the id, in the same transaction.
        number: `new-${now.getTime()}-${Math.random().toString(36).slice(2, 10)}`,
        subject: opening.subject,
        status,
        priority,
        channel: opening.channel,
        group: group?.id ?? null,
        requester: requester.userId ?? null,
        requesterName: requester.name ?? null,
        requesterEmail: requester.email?.toLowerCase() ?? null,
        requesterPhone: requester.phone ?? null,
        requesterTelegramChatId: requester.telegramChatId ?? null,
        tags: opening.tags ?? [],
        tagList: tagListOf(opening.tags ?? []),
        clinic: opening.clinic ?? null,
        subjectRef: opening.subjectRef ?? null,
        links: opening.links ?? [],
        flagged: opening.flagged ?? false,
        ...dueTimesFor(group, priority, now),
        ...(status === 'closed' ? { closedAt: now } : {}),
        lastActivityAt: now,
        searchText: searchTextOf(opening.subject, requester.name, requester.email, opening.text),
        createdAt: now,
      },
    });
    const number = ticketNumberOf(created.id);
    await strapi.db.query(TICKET).update({ where: { id: created.id }, data: { number } });
    await insertMessage(
      strapi,
      created.id,
      { ...opening.message, kind: 'reply', channel: opening.channel, text: opening.text },
      now
    );
    await recordAudit(
      strapi,
      {
        ticketId: created.id,
        action: 'created',
        actor: opening.actor,
        after: { number, status, priority, channel: opening.channel, group: group?.slug ?? null },
      },
      now
    );
    const result: OpenedTicket = { id: created.id, number, groupId: group?.id ?? null };
    onCommit(() => {
      liveEvents(strapi).emit({ type: 'ticket.created', number, groupId: result.groupId });
    });
    return result;
  });
  if (status === 'new') await autoAssign(strapi, opened.id);
  return opened;
};
