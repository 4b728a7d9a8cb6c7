import type { Channel, RequesterContact } from './channels';

/** A stored file to send with a reply. */
export interface OutboundAttachment {
  filename: string;
  contentType: string;
  /** Absolute path of the stored file on disk. */
  path: string;
}

/** A public reply, ready for the channel the ticket came from. */
export interface OutboundReply {
  ticketNumber: string;
  subject: string;
  text: string;
  to: RequesterContact;
  attachments: OutboundAttachment[];
  /** Email threading: this reply's Message-ID and the ones it answers. */
  thread: { messageId: string; inReplyTo?: string; references: string[] };
}

/** Delivers replies on one channel; thrown errors leave the reply queued for another try. */
export interface ChannelSender {
  channel: Channel;
  send(reply: OutboundReply): Promise<{ externalId?: string }>;
}
