import type { Core } from '@strapi/strapi';

import type { SupportConfig } from '../config';
import { receiveInbound } from '../intake/receive-inbound';
import { channelSenders } from '../outbox/channel-senders';
import { startBusConsumer, type BusConsumer } from './bus';
import { readChannelSettings } from './channel-settings';
import { ImapMailboxPoller } from './email/imap-mailbox-poller';
import { createEmailSender } from './email/outbound-mail';
import { pollStateStore } from './email/poll-state-store';
import { createSmsSender } from './sms';
import { createTelegramSender } from './telegram';

interface Running {
  bus?: BusConsumer;
  mailbox?: ImapMailboxPoller;
}

const running = new WeakMap<Core.Strapi, Running>();

/** Agents' replies to mail go out through Strapi's email plugin (nodemailer, `SMTP_*`). */
const emailSender = (strapi: Core.Strapi) => {
  const { mailFrom, mailDomain } = strapi.config.get('plugin::support') as SupportConfig;
  return createEmailSender((options) => strapi.plugin('email').service('email').send(options), {
    from: mailFrom,
    ownDomain: mailDomain,
  });
};

/**
 * Connects the channels the environment configures: mail is polled from the support mailbox
 * and answered through the email plugin; replies go out through Telegram's and the SMS
 * gateway's APIs; tickets come in from the message bus. Webhooks need nothing started: their
 * routes answer only when their channel is configured.
 */
export const startChannels = (strapi: Core.Strapi) => {
  const settings = readChannelSettings(strapi);
  const senders = channelSenders(strapi);
  const started: Running = {};
  senders.register(emailSender(strapi));
  if (settings.mailbox) {
    const { mailbox, pollMs, ...connection } = settings.mailbox;
    const { mailDomain } = strapi.config.get('plugin::support') as SupportConfig;
    started.mailbox = new ImapMailboxPoller({
      ...connection,
      mailbox,
      store: pollStateStore(strapi),
      onMessage: async (message) => {
        await receiveInbound(strapi, message);
      },
      parse: { ownDomain: mailDomain },
      logger: strapi.log,
    });
    started.mailbox.start(pollMs);
  }
  if (settings.telegram) senders.register(createTelegramSender(settings.telegram));
  if (settings.sms) senders.register(createSmsSender(settings.sms));
  if (settings.bus) {
    started.bus = startBusConsumer({
      ...settings.bus,
      logger: strapi.log,
      onMessage: async (message) => {
        await receiveInbound(strapi, message);
      },
    });
  }
  running.set(strapi, started);
};

export const stopChannels = async (strapi: Core.Strapi) => {
  const started = running.get(strapi);
  running.delete(strapi);
  await Promise.all([started?.bus?.stop(), started?.mailbox?.stop()]);
};
