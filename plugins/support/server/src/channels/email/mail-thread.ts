import type { InboundMessage } from '../../../../shared/contracts';

const MESSAGE_ID = /<[^<>\s]+>/g;
const TICKET_NUMBER = /\bVH-(\d+)\b/i;

/** The Message-IDs (`<…>`) in a header's text, in order. */
export const messageIdsIn = (texts: string[]): string[] =>
  texts.flatMap((text) => text.match(MESSAGE_ID) ?? []);

/** A ticket number (`VH-12345`, with or without brackets) in a subject. */
export const ticketNumberIn = (subject: string | undefined): string | undefined => {
  const match = subject?.match(TICKET_NUMBER);
  return match ? `VH-${match[1]}` : undefined;
};

/** What ties a mail to an earlier conversation. */
export const mailThread = (mail: {
  messageId?: string;
  inReplyTo?: string;
  references: string[];
  subject?: string;
}): NonNullable<InboundMessage['thread']> => ({
  messageId: messageIdsIn([mail.messageId ?? ''])[0],
  inReplyTo: messageIdsIn([mail.inReplyTo ?? ''])[0],
  references: messageIdsIn(mail.references),
  ticketNumber: ticketNumberIn(mail.subject),
});
