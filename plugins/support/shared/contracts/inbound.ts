import type { Channel, RequesterContact } from './channels';

/** A file that came with an inbound message, before it is stored and checked. */
export interface InboundAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/**
 * Why an inbound message is never answered: auto-replies (Auto-Submitted, Precedence,
 * X-Autoreply…), delivery status notifications (bounces), abuse/feedback reports, and mail that
 * went through us already (a loop).
 */
export type AutomaticKind = 'auto-reply' | 'bounce' | 'feedback-report' | 'loop';

/**
 * One message from any channel, in the one shape the desk takes in. Channel adapters (IMAP
 * poller, Telegram and SMS webhooks, the message bus) produce it; the intake threads it into a
 * ticket or opens one.
 */
export interface InboundMessage {
  channel: Channel;
  /**
   * The provider's id of this message (Message-ID, Telegram update id, SMS sid, bus message
   * id): a message seen twice is taken in once.
   */
  externalId: string;
  from: RequesterContact;
  subject?: string;
  /** Readable text; for mail that could not be parsed, a notice that the raw message is attached. */
  text: string;
  receivedAt: Date;
  attachments: InboundAttachment[];
  /** What ties it to an earlier conversation. */
  thread?: {
    /** Email Message-ID of this message. */
    messageId?: string;
    inReplyTo?: string;
    references?: string[];
    /** A ticket number (`VH-10234`) found in the subject. */
    ticketNumber?: string;
  };
  /** Set when the message must never be answered. */
  automatic?: AutomaticKind;
  /** Mail that was already in the mailbox at the first import: taken in, never auto-answered. */
  historical?: boolean;
  /** The message could not be parsed: its raw form is the one attachment, the ticket flagged. */
  unparsed?: boolean;
  /** The group (slug) a bus message asks for; others are routed by channel. */
  groupSlug?: string;
  /** The clinic (documentId) the message is about, when the channel says. */
  clinic?: string;
}
