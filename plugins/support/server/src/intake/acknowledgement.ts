import type { Core } from '@strapi/strapi';

import type { InboundMessage } from '../../../shared/contracts';
import { TICKET } from '../content-types/uids';

/** At most this many acknowledgements an hour to one address: two auto-responders never loop. */
const ACKS_PER_HOUR = 3;

const ACKNOWLEDGED_CHANNELS = ['email', 'telegram', 'sms'];

/** The first answer to a new request on a channel that has no thread page to look at. */
export const acknowledgementText = (number: string) =>
  `Здравствуйте! Мы получили ваше обращение ${number} и ответим в ближайшее время. ` +
  'Чтобы дополнить его, просто ответьте на это сообщение.';

/**
 * Whether a new ticket from this message gets an acknowledgement: never for automatic mail
 * (auto-replies, bounces, reports, loops), for mail already in the mailbox at the first import,
 * or for mail kept raw; and not past the hourly cap for the sender.
 */
export const shouldAcknowledge = async (
  strapi: Core.Strapi,
  message: InboundMessage,
  now: Date
) => {
  if (!ACKNOWLEDGED_CHANNELS.includes(message.channel)) return false;
  if (message.automatic || message.historical || message.unparsed) return false;
  const contact = message.from.email
    ? { requesterEmail: message.from.email.toLowerCase() }
    : message.from.phone
      ? { requesterPhone: message.from.phone }
      : message.from.telegramChatId
        ? { requesterTelegramChatId: message.from.telegramChatId }
        : null;
  if (!contact) return false;
  const recent = await strapi.db.query(TICKET).count({
    where: { ...contact, createdAt: { $gte: new Date(now.getTime() - 3_600_000) } },
  });
  return recent <= ACKS_PER_HOUR;
};
