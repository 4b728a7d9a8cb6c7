import type { InboundMessage } from './inbound';

/**
 * The body of a ticket message on the bus (AMQP, JSON, `content_type: application/json`). The
 * AMQP `message_id` property is required: a message published twice with it opens one ticket.
 */
export interface BusTicketPayload {
  subject: string;
  body: string;
  /** At least one of them. */
  requester: { email?: string; phone?: string; name?: string };
  /** Slug of the group the ticket goes to; others are routed like any ticket. */
  group?: string;
  /** documentId of the clinic the ticket is about. */
  clinic?: string;
}

/** An inbound message from the bus: the clinic it names travels with it. */
export interface BusInboundMessage extends InboundMessage {
  channel: 'esb';
  clinic?: string;
}
