import type { Channel } from './channels';

export const TICKET_STATUSES = ['new', 'open', 'pending', 'on-hold', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which a ticket still waits for the desk (counted in backlogs and SLA). */
export const ACTIVE_STATUSES = ['new', 'open', 'pending', 'on-hold'] as const;

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** ok: within time; near: less than a fifth of the allowed time left; breached: past due. */
export type SlaState = 'ok' | 'near' | 'breached' | 'none';

export type MessageKind = 'reply' | 'note';
export type AuthorKind = 'agent' | 'requester' | 'system';

/** What a signed-in person sends to `POST /api/support/tickets` (JSON, or multipart with `files`). */
export interface CreateTicketRequest {
  subject: string;
  body: string;
  /** Optional: the clinic the request is about (documentId). */
  clinic?: string;
}

export interface CreateTicketResponse {
  number: string;
}

/** A ticket as the person who asked sees it in "my requests". */
export interface RequesterTicket {
  number: string;
  subject: string;
  status: TicketStatus;
  createdAt: string;
  updatedAt: string;
}

export interface RequesterMessage {
  id: number;
  author: 'me' | 'support';
  authorName: string | null;
  text: string;
  createdAt: string;
  attachments: { id: number; name: string; size: number }[];
}

export interface RequesterTicketThread extends RequesterTicket {
  messages: RequesterMessage[];
}

export interface ReplyRequest {
  body: string;
}

/** Limits the desk's checks and the forms' messages share. */
export const SUPPORT_LIMITS = {
  subject: { min: 3, max: 200 },
  body: { min: 1, max: 20_000 },
  attachments: { maxFiles: 5, maxBytes: 10 * 1024 * 1024 },
  /** Raw inbound mail larger than this is kept raw, not parsed. */
  inboundMailBytes: 25 * 1024 * 1024,
} as const;

export type { Channel };
