import type { Core } from '@strapi/strapi';

import { TICKET_MESSAGE } from '../content-types/uids';
import { findTicket } from '../tickets/find-ticket';
import { channelSenders } from './channel-senders';
import { outboundReplyOf, type QueuedMessage } from './outbound-reply';

/** After this many failed tries a reply is marked failed for an agent to see. */
const MAX_ATTEMPTS = 8;
const BATCH = 20;

/** Waits between tries: 30 s, 1 min, 2 min… up to an hour. */
const backoffMs = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);

const inFlight = new WeakMap<Core.Strapi, Promise<number>>();

/**
 * Sends the replies that are due, each claimed first (the attempt counter moves only for the
 * node that claimed it), so two nodes never send one reply twice. A failure leaves the reply
 * queued for a later try; nothing is lost when a provider is down.
 */
const deliverBatch = async (strapi: Core.Strapi, now: Date) => {
  const due: (QueuedMessage & { deliveryAttempts: number; ticket: { id: number } })[] =
    await strapi.db.query(TICKET_MESSAGE).findMany({
      where: { delivery: 'pending', nextAttemptAt: { $lte: now } },
      populate: { ticket: { select: ['id'] }, attachments: true },
      orderBy: { id: 'asc' },
      limit: BATCH,
    });
  let sent = 0;
  for (const message of due) {
    const attempt = message.deliveryAttempts + 1;
    const claimed = await strapi.db.query(TICKET_MESSAGE).updateMany({
      where: { id: message.id, delivery: 'pending', deliveryAttempts: message.deliveryAttempts },
      data: {
        deliveryAttempts: attempt,
        nextAttemptAt: new Date(now.getTime() + backoffMs(attempt)),
      },
    });
    if (claimed.count === 0) continue;
    const ticket = await findTicket(strapi, { id: message.ticket.id });
    const sender = ticket && channelSenders(strapi).of(ticket.channel);
    try {
      if (!ticket || !sender) throw new Error(`no sender for the ${ticket?.channel} channel`);
      await sender.send(await outboundReplyOf(strapi, ticket, message));
      await strapi.db
        .query(TICKET_MESSAGE)
        .update({ where: { id: message.id }, data: { delivery: 'sent', deliveryError: null } });
      sent += 1;
    } catch (error) {
      const reason = error instanceof Error ? error.message.slice(0, 250) : 'unknown error';
      strapi.log.warn(`Support: reply ${message.id} not delivered (try ${attempt}): ${reason}`);
      await strapi.db.query(TICKET_MESSAGE).update({
        where: { id: message.id },
        data: {
          deliveryError: reason,
          ...(attempt >= MAX_ATTEMPTS ? { delivery: 'failed' } : {}),
        },
      });
    }
  }
  return sent;
};

/**
 * Sends what is due at `now`, after any round already running on this node has finished, so
 * a caller knows its reply was tried when this resolves.
 * @returns how many replies went out in this round
 */
export const deliverDueReplies = async (strapi: Core.Strapi, now = new Date()) => {
  const previous = inFlight.get(strapi);
  const round = (previous ?? Promise.resolve(0))
    .catch(() => 0)
    .then(() => deliverBatch(strapi, now));
  inFlight.set(strapi, round);
  try {
    return await round;
  } finally {
    if (inFlight.get(strapi) === round) inFlight.delete(strapi);
  }
};

/** Sends what is due now, without waiting for the next round of the worker. */
export const kickOutbox = (strapi: Core.Strapi) => {
  setImmediate(() => {
    deliverDueReplies(strapi).catch((error) =>
      strapi.log.error(`Support: outbox failed: ${(error as Error).message}`)
    );
  });
};
