import type { Core } from '@strapi/strapi';

import type { Channel } from '../../../shared/contracts';
import { recordAudit } from '../audit/audit-trail';
import { TICKET } from '../content-types/uids';
import { notNow } from '../errors';
import { liveEvents } from '../live/live-events';
import { kickOutbox } from '../outbox/outbox-worker';
import type { Actor } from './actor';
import { changeTicket } from './change-ticket';
import { getTicket } from './find-ticket';
import { insertMessage, type NewMessage } from './insert-message';
import { openTicket } from './open-ticket';
import { searchTextOf, type TicketRow } from './ticket-row';

/** Channels on which the desk's public replies are delivered; web and staff read the thread. */
const DELIVERED_ON: Channel[] = ['email', 'telegram', 'sms'];

const touch = (strapi: Core.Strapi, ticket: TicketRow, text: string, now: Date, extra = {}) =>
  strapi.db.query(TICKET).update({
    where: { id: ticket.id },
    data: {
      lastActivityAt: now,
      searchText: searchTextOf(ticket.searchText, text.toLowerCase()),
      ...extra,
    },
  });

const announce = (strapi: Core.Strapi, ticket: TicketRow) =>
  liveEvents(strapi).emit({
    type: 'message.created',
    number: ticket.number,
    groupId: ticket.group?.id ?? null,
  });

export interface PostedMessage {
  ticketId: number;
  number: string;
  messageId: number;
  /** The message opened a follow-up ticket: the one it answered was closed. */
  followUpOf?: string;
}

/**
 * A message from the person who asked, on any channel. A resolved ticket reopens (flagging its
 * problem, if resolved); one waiting for them (pending, on hold) opens again; a closed ticket
 * stays closed and the message opens a follow-up linked to it; a ticket merged away passes it
 * to the ticket it was merged into.
 */
export const postRequesterMessage = async (
  strapi: Core.Strapi,
  ticketId: number,
  message: Omit<NewMessage, 'kind' | 'authorKind' | 'deliver'>,
  actor: Actor,
  now = new Date()
): Promise<PostedMessage> => {
  const ticket = await getTicket(strapi, { id: ticketId });
  if (ticket.status === 'closed' && ticket.mergedInto) {
    return postRequesterMessage(strapi, ticket.mergedInto.id, message, actor, now);
  }
  if (ticket.status === 'closed') {
    const followUp = await openTicket(
      strapi,
      {
        subject: ticket.subject,
        text: message.text,
        channel: ticket.channel,
        requester: {
          userId: ticket.requester?.id,
          name: ticket.requesterName ?? undefined,
          email: ticket.requesterEmail ?? undefined,
          phone: ticket.requesterPhone ?? undefined,
          telegramChatId: ticket.requesterTelegramChatId ?? undefined,
        },
        groupSlug: ticket.group?.slug,
        clinic: ticket.clinic,
        links: [{ kind: 'ticket', ref: ticket.number }],
        message: { ...message, authorKind: 'requester' },
        actor,
      },
      now
    );
    return {
      ticketId: followUp.id,
      number: followUp.number,
      messageId: 0,
      followUpOf: ticket.number,
    };
  }
  if (ticket.status !== 'new' && ticket.status !== 'open') {
    await changeTicket(strapi, ticket.id, { status: 'open' }, actor, { now, action: 'reopened' });
  }
  const saved = await strapi.db.transaction(async ({ onCommit }) => {
    const created = await insertMessage(
      strapi,
      ticket.id,
      { ...message, kind: 'reply', authorKind: 'requester' },
      now
    );
    await touch(strapi, ticket, message.text, now);
    onCommit(() => announce(strapi, ticket));
    return created;
  });
  return { ticketId: ticket.id, number: ticket.number, messageId: saved.id };
};

/**
 * An agent's public reply or internal note. A reply goes out on the ticket's channel (queued,
 * sent after the commit); the first one stops the first-response clock and opens a new ticket.
 * A closed ticket takes notes only: it must be reopened to be answered.
 */
export const postAgentMessage = async (
  strapi: Core.Strapi,
  ticketId: number,
  message: {
    kind: 'reply' | 'note';
    text: string;
    attachmentIds?: number[];
    authorKind?: 'agent' | 'system';
    /** Another plugin's id of a system note: the same note is never added twice. */
    externalId?: string;
  },
  actor: Actor,
  now = new Date()
): Promise<PostedMessage> => {
  const ticket = await getTicket(strapi, { id: ticketId });
  if (message.kind === 'reply' && ticket.status === 'closed') {
    throw notNow('ticket-closed', `Ticket ${ticket.number} is closed: reopen it to reply`);
  }
  const isReply = message.kind === 'reply';
  const saved = await strapi.db.transaction(async ({ onCommit }) => {
    const created = await insertMessage(
      strapi,
      ticket.id,
      {
        kind: message.kind,
        authorKind: message.authorKind ?? (actor.kind === 'agent' ? 'agent' : 'system'),
        agentId: actor.kind === 'agent' ? actor.id : undefined,
        channel: ticket.channel,
        text: message.text,
        attachmentIds: message.attachmentIds,
        externalId: message.externalId,
        deliver: isReply && DELIVERED_ON.includes(ticket.channel),
      },
      now
    );
    const firstResponse = isReply && actor.kind === 'agent' && !ticket.firstRespondedAt;
    await touch(strapi, ticket, message.text, now, firstResponse ? { firstRespondedAt: now } : {});
    if (actor.kind === 'agent') {
      await recordAudit(
        strapi,
        {
          ticketId: ticket.id,
          action: isReply ? 'replied' : 'noted',
          actor,
          after: { message: created.id },
        },
        now
      );
    }
    onCommit(() => {
      announce(strapi, ticket);
      kickOutbox(strapi);
    });
    return created;
  });
  if (isReply && actor.kind === 'agent' && ticket.status === 'new') {
    await changeTicket(strapi, ticket.id, { status: 'open' }, actor, { now });
  }
  return { ticketId: ticket.id, number: ticket.number, messageId: saved.id };
};
