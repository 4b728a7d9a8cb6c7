import { createHash } from 'node:crypto';

import { SUPPORT_LIMITS } from '../../../../shared/contracts';
import type { InboundMessage } from '../../../../shared/contracts';

import { automaticKindOf } from './automatic-kind';
import { EightBitHeaders } from './eight-bit-headers';
import { headerBlockOf, hasBody } from './header-block';
import { MailParseFailedError, MailTooLargeError, UnreadableMailError } from './mail-errors';
import { MailHeaders } from './mail-headers';
import { MailParseWorker, type ParsedMailData } from './mail-parse-worker';
import { mailThread } from './mail-thread';

export interface ParseMailOptions {
  /** Our own mail domain: a Message-ID or X-Loop of it coming back is a loop. */
  ownDomain: string;
  /** When the mailbox received the mail (IMAP INTERNALDATE); now when not given. */
  receivedAt?: Date;
  /** How long parsing may take before the mail is kept raw. */
  timeLimitMs?: number;
}

// A mail may hold the poller 5 s at most: the whole parse, then, if it failed, reading the
// headers alone in a fresh thread.
const PARSE_TIME_LIMIT_MS = 3_500;
const HEADER_TIME_LIMIT_MS = 1_000;

const parser = new MailParseWorker();

/**
 * A raw RFC 5322 mail as the desk takes it in. Never throws: a mail that cannot be parsed (broken,
 * too large, too slow) comes back `unparsed`, with the raw mail as its one attachment and the
 * From and Subject that could be read.
 */
export const parseInboundMail = async (
  raw: Buffer,
  options: ParseMailOptions
): Promise<InboundMessage> => {
  try {
    const limit = SUPPORT_LIMITS.inboundMailBytes;
    if (raw.length > limit) throw new MailTooLargeError(raw.length, limit);
    const mail = await parser.parse(raw, options.timeLimitMs ?? PARSE_TIME_LIMIT_MS);
    // A body no part could be read from (a multipart without a boundary) is kept raw, not lost.
    if (mail.text.trim() === '' && mail.attachments.length === 0 && hasBody(raw)) {
      throw new MailParseFailedError('no readable part');
    }
    return parsedMessage(raw, mail, options);
  } catch (error) {
    return unparsedMessage(raw, error, options);
  }
};

const parsedMessage = (
  raw: Buffer,
  mail: ParsedMailData,
  options: ParseMailOptions
): InboundMessage => {
  const headers = new MailHeaders(mail.headers);
  const eightBit = new EightBitHeaders(
    headerBlockOf(raw),
    headers.param('content-type', 'charset')
  );
  const subject = eightBit.repair('subject', mail.subject);
  const thread = mailThread({ ...mail, subject });
  const from = mail.from?.address?.toLowerCase();
  return {
    channel: 'email',
    externalId: thread.messageId ?? rawDigest(raw),
    from: {
      name: eightBit.repairName('from', mail.from?.name) || undefined,
      email: from || undefined,
    },
    subject,
    text: mail.text.trim(),
    receivedAt: options.receivedAt ?? new Date(),
    attachments: mail.attachments.map((attachment, index) => ({
      filename: attachment.filename ?? defaultFilename(attachment.contentType, index),
      contentType: attachment.contentType,
      content: attachment.content,
    })),
    thread,
    automatic: automaticKindOf(
      headers,
      { messageId: thread.messageId, fromAddress: from },
      options.ownDomain
    ),
  };
};

const unparsedMessage = async (
  raw: Buffer,
  error: unknown,
  options: ParseMailOptions
): Promise<InboundMessage> => {
  const reason =
    error instanceof UnreadableMailError ? error.message : 'This mail could not be read.';
  const head = await readHeaders(raw);
  const thread = head ? mailThread(head) : undefined;
  return {
    channel: 'email',
    externalId: thread?.messageId ?? rawDigest(raw),
    from: { name: head?.from?.name || undefined, email: head?.from?.address || undefined },
    subject: head?.subject,
    text: `${reason} The original mail is attached as message.eml.`,
    receivedAt: options.receivedAt ?? new Date(),
    attachments: [{ filename: 'message.eml', contentType: 'message/rfc822', content: raw }],
    thread,
    unparsed: true,
  };
};

/** The header block alone, parsed best-effort; undefined when even that fails. */
const readHeaders = async (raw: Buffer): Promise<ParsedMailData | undefined> => {
  const block = Buffer.concat([headerBlockOf(raw), Buffer.from('\r\n\r\n')]);
  try {
    return await parser.parse(block, HEADER_TIME_LIMIT_MS);
  } catch {
    return undefined;
  }
};

const rawDigest = (raw: Buffer) => `sha256:${createHash('sha256').update(raw).digest('hex')}`;

const defaultFilename = (contentType: string, index: number) =>
  contentType === 'message/rfc822' ? `message-${index + 1}.eml` : `attachment-${index + 1}`;
