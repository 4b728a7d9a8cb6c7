import type { Core } from '@strapi/strapi';

import { receiveInbound } from '../intake/receive-inbound';
import { channelSenders } from '../outbox/channel-senders';
import { startBusConsumer, type BusConsumer } from './bus';
import { readChannelSettings } from './channel-settings';
import { createSmsSender } from './sms';
import { createTelegramSender } from './telegram';

const consumers = new WeakMap<Core.Strapi, BusConsumer>();

/**
 * Connects the channels the environment configures: replies go out through Telegram's and
 * the SMS gateway's APIs, and tickets come in from the message bus. Webhooks need nothing
 * started: their routes answer only when their channel is configured.
 */
export const startChannels = (strapi: Core.Strapi) => {
  const settings = readChannelSettings(strapi);
  const senders = channelSenders(strapi);
  if (settings.telegram) senders.register(createTelegramSender(settings.telegram));
  if (settings.sms) senders.register(createSmsSender(settings.sms));
  if (settings.bus) {
    consumers.set(
      strapi,
      startBusConsumer({
        ...settings.bus,
        logger: strapi.log,
        onMessage: async (message) => {
          await receiveInbound(strapi, message);
        },
      })
    );
  }
};

export const stopChannels = async (strapi: Core.Strapi) => {
  await consumers.get(strapi)?.stop();
  consumers.delete(strapi);
};
