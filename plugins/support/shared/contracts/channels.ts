/**
 * Where a ticket or a message came from, and so where a public reply to it goes back out.
 * `review` tickets are reviews (and reports of reviews) waiting for moderation; `staff` are
 * employees' internal requests; `esb` tickets come from the message bus.
 */
export const CHANNELS = [
  'web',
  'email',
  'phone',
  'telegram',
  'sms',
  'review',
  'staff',
  'esb',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** The channels a public reply is delivered on; the others are answered in the web thread. */
export const REPLYABLE_CHANNELS = ['email', 'telegram', 'sms', 'web', 'staff'] as const;

/**
 * How to reach a person who wrote in: an ID account (`userId`), or a contact on the channel
 * they used, for people without an account. Only what the channel gave is kept.
 */
export interface RequesterContact {
  userId?: number;
  name?: string;
  email?: string;
  phone?: string;
  /** Telegram's chat id (a number, kept as a string: it may exceed 2^53 in future). */
  telegramChatId?: string;
}
