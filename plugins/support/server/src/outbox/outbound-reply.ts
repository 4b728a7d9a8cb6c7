import type { Core } from '@strapi/strapi';

import type { OutboundReply } from '../../../shared/contracts';
import { pathOfStored } from '../attachments/store-attachments';
import { TICKET_MESSAGE } from '../content-types/uids';
import type { TicketRow } from '../tickets/ticket-row';

interface StoredFile {
  name: string;
  mime: string;
  hash: string;
  ext: string;
}

export interface QueuedMessage {
  id: number;
  text: string;
  emailMessageId: string;
  attachments: StoredFile[] | null;
}

/** The email Message-IDs of a ticket's thread, oldest first: what a reply refers to. */
const threadMessageIds = async (strapi: Core.Strapi, ticketId: number, before: number) => {
  const rows: { emailMessageId: string | null; authorKind: string }[] = await strapi.db
    .query(TICKET_MESSAGE)
    .findMany({
      where: { ticket: { id: ticketId }, id: { $lt: before }, emailMessageId: { $notNull: true } },
      select: ['emailMessageId', 'authorKind'],
      orderBy: { id: 'asc' },
    });
  return rows;
};

/**
 * A queued reply as its channel sends it: to whoever asked, with its files, and for mail the
 * headers that thread it (In-Reply-To the requester's last mail, References the whole thread).
 */
export const outboundReplyOf = async (
  strapi: Core.Strapi,
  ticket: TicketRow,
  message: QueuedMessage
): Promise<OutboundReply> => {
  const thread = await threadMessageIds(strapi, ticket.id, message.id);
  const fromRequester = thread.filter((row) => row.authorKind === 'requester');
  return {
    ticketNumber: ticket.number,
    subject: ticket.subject,
    text: message.text,
    to: {
      userId: ticket.requester?.id,
      name: ticket.requester?.fullName ?? ticket.requesterName ?? undefined,
      email: ticket.requesterEmail ?? ticket.requester?.email ?? undefined,
      phone: ticket.requesterPhone ?? undefined,
      telegramChatId: ticket.requesterTelegramChatId ?? undefined,
    },
    attachments: (message.attachments ?? []).map((file) => ({
      filename: file.name,
      contentType: file.mime,
      path: pathOfStored(strapi, file),
    })),
    thread: {
      messageId: message.emailMessageId,
      inReplyTo: fromRequester.at(-1)?.emailMessageId ?? undefined,
      references: thread.map((row) => row.emailMessageId!).slice(-20),
    },
  };
};
