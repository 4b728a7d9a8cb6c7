import type { Core } from '@strapi/strapi';

import type { InboundMessage } from '../../../shared/contracts';
import { TICKET, TICKET_MESSAGE } from '../content-types/uids';

/** Conversations on messengers continue in the chat's latest ticket that is not closed. */
const latestOpenTicketOf = async (strapi: Core.Strapi, where: Record<string, unknown>) => {
  const ticket = await strapi.db.query(TICKET).findOne({
    where: { ...where, status: { $ne: 'closed' } },
    select: ['id'],
    orderBy: { id: 'desc' },
  });
  return (ticket?.id as number | undefined) ?? null;
};

/** The ticket an email answers: by its In-Reply-To and References, newest first. */
const ticketByMessageIds = async (strapi: Core.Strapi, ids: string[]) => {
  if (ids.length === 0) return null;
  const message = await strapi.db.query(TICKET_MESSAGE).findOne({
    where: { emailMessageId: { $in: ids } },
    populate: { ticket: { select: ['id'] } },
    orderBy: { id: 'desc' },
  });
  return (message?.ticket?.id as number | undefined) ?? null;
};

/**
 * A ticket number quoted in the subject counts only from the person who asked: anyone can type
 * a number, and nobody may write into another person's ticket.
 */
const ticketByNumberFrom = async (strapi: Core.Strapi, number: string, email: string) => {
  const ticket = await strapi.db.query(TICKET).findOne({
    where: { number },
    select: ['id', 'requesterEmail'],
    populate: { requester: { select: ['email'] } },
  });
  if (!ticket) return null;
  const requesterEmail = (ticket.requesterEmail ?? ticket.requester?.email ?? '').toLowerCase();
  return requesterEmail && requesterEmail === email.toLowerCase() ? (ticket.id as number) : null;
};

/** The ticket an inbound message continues, or null for a new conversation. */
export const findThread = async (
  strapi: Core.Strapi,
  message: InboundMessage
): Promise<number | null> => {
  const { thread, from } = message;
  switch (message.channel) {
    case 'email': {
      const ids = [thread?.inReplyTo, ...[...(thread?.references ?? [])].reverse()].filter(
        (id): id is string => Boolean(id)
      );
      return (
        (await ticketByMessageIds(strapi, ids)) ??
        (thread?.ticketNumber && from.email
          ? await ticketByNumberFrom(strapi, thread.ticketNumber, from.email)
          : null)
      );
    }
    case 'telegram':
      return from.telegramChatId
        ? latestOpenTicketOf(strapi, { requesterTelegramChatId: from.telegramChatId })
        : null;
    // A caller's call continues their open ticket, as their text messages do.
    case 'sms':
    case 'phone':
      return from.phone ? latestOpenTicketOf(strapi, { requesterPhone: from.phone }) : null;
    default:
      return null;
  }
};
