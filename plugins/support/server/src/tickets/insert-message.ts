import type { Core } from '@strapi/strapi';

import type { AuthorKind, Channel, MessageKind } from '../../../shared/contracts';
import type { SupportConfig } from '../config';
import { newMessageId } from '../channels/email/outbound-mail';
import { TICKET_MESSAGE } from '../content-types/uids';

export interface NewMessage {
  kind: MessageKind;
  authorKind: AuthorKind;
  agentId?: number;
  channel: Channel;
  text: string;
  attachmentIds?: number[];
  /** The provider's id of an inbound message: the same message is never taken in twice. */
  externalId?: string;
  email?: { messageId?: string; inReplyTo?: string; references?: string[] };
  /** A public reply from the desk, to go out on the ticket's channel. */
  deliver?: boolean;
}

/** The Message-ID of mail the desk sends: its own domain, so it is recognised coming back. */
const messageIdFor = (strapi: Core.Strapi) =>
  newMessageId((strapi.config.get('plugin::support') as SupportConfig).mailDomain);

/**
 * Writes one message of a thread. A reply to deliver is queued (`pending`) with its own
 * Message-ID, and the outbox sends it after the commit; nothing is sent from inside a
 * transaction that may still roll back.
 */
export const insertMessage = async (
  strapi: Core.Strapi,
  ticketId: number,
  message: NewMessage,
  now: Date
): Promise<{ id: number }> =>
  strapi.db.query(TICKET_MESSAGE).create({
    data: {
      ticket: ticketId,
      kind: message.kind,
      authorKind: message.authorKind,
      agent: message.agentId ?? null,
      channel: message.channel,
      text: message.text,
      attachments: message.attachmentIds ?? [],
      externalId: message.externalId ?? null,
      emailMessageId: message.deliver ? messageIdFor(strapi) : (message.email?.messageId ?? null),
      emailInReplyTo: message.email?.inReplyTo ?? null,
      emailReferences: message.email?.references?.join(' ') || null,
      delivery: message.deliver ? 'pending' : null,
      deliveryAttempts: 0,
      nextAttemptAt: message.deliver ? now : null,
      createdAt: now,
    },
  });
