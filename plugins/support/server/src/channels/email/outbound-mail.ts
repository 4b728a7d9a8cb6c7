import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import type { ChannelSender, OutboundReply } from '../../../../shared/contracts';

/**
 * The options of the Strapi email plugin's `send` that a reply uses. The nodemailer provider
 * passes headers, messageId, inReplyTo, references and attachments on to nodemailer, but forces
 * `disableFileAccess`: attachments go as content, never by path.
 */
export interface MailOptions {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string;
  references: string[];
  headers: Record<string, string>;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

export class ReplyWithoutEmailError extends Error {
  constructor(ticketNumber: string) {
    super(`Ticket ${ticketNumber} has no email address to reply to.`);
    this.name = 'ReplyWithoutEmailError';
  }
}

const REPLY_PREFIXES = /^(?:\s*(?:re|aw|sv|fw|fwd|ответ)\s*(?:\[\d+\])?\s*:\s*)+/i;
const TICKET_TAG = /\s*\[?VH-\d+\]?/gi;

/** `Re: <subject> [VH-12345]`, however many Re: and tags the subject already carried. */
export const replySubject = (subject: string, ticketNumber: string): string => {
  const base = subject.replace(TICKET_TAG, '').replace(REPLY_PREFIXES, '').trim();
  return `Re: ${base} [${ticketNumber}]`;
};

/** A fresh Message-ID of our domain (a loop is recognised by it when it comes back). */
export const newMessageId = (ownDomain: string): string => `<vh.${randomUUID()}@${ownDomain}>`;

/** Sends agents' replies as mail through `send` (the Strapi email plugin's). */
export const createEmailSender = (
  send: (options: MailOptions) => Promise<void>,
  settings: { from: string; ownDomain: string }
): ChannelSender => ({
  channel: 'email',
  async send(reply: OutboundReply) {
    if (!reply.to.email) throw new ReplyWithoutEmailError(reply.ticketNumber);
    const messageId = reply.thread.messageId || newMessageId(settings.ownDomain);
    await send({
      from: settings.from,
      to: reply.to.email,
      subject: replySubject(reply.subject, reply.ticketNumber),
      text: reply.text,
      messageId,
      inReplyTo: reply.thread.inReplyTo,
      references: reply.thread.references,
      headers: { 'X-VixenHealth-Ticket': reply.ticketNumber },
      attachments: await Promise.all(
        reply.attachments.map(async (attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: await readFile(attachment.path),
        }))
      ),
    });
    return { externalId: messageId };
  },
});
