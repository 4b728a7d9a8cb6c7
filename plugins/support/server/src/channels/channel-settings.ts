import type { Core } from '@strapi/strapi';

import { busConfigFromEnv, type BusConfig } from './bus/config';
import { mailboxConfigFromEnv, type MailboxConfig } from './email/mailbox-config';
import { smsConfigFromEnv, type SmsChannelConfig } from './sms/config';
import { telegramConfigFromEnv, type TelegramChannelConfig } from './telegram/config';

/** The channels this desk has, read once from the environment (secrets never logged). */
export interface ChannelSettings {
  mailbox: MailboxConfig | null;
  telegram: TelegramChannelConfig | null;
  sms: (SmsChannelConfig & { webhookUrl: string | null }) | null;
  bus: BusConfig | null;
}

const settings = new WeakMap<Core.Strapi, ChannelSettings>();

export const readChannelSettings = (
  strapi: Core.Strapi,
  env: Readonly<Record<string, string | undefined>> = process.env
): ChannelSettings => {
  const sms = smsConfigFromEnv(env);
  const read: ChannelSettings = {
    mailbox: mailboxConfigFromEnv(env),
    telegram: telegramConfigFromEnv(env),
    // Twilio signs the URL as configured there: behind a proxy it is not what this node sees.
    sms: sms && { ...sms, webhookUrl: env.SMS_WEBHOOK_URL || null },
    bus: busConfigFromEnv(env),
  };
  settings.set(strapi, read);
  return read;
};

export const channelSettings = (strapi: Core.Strapi): ChannelSettings =>
  settings.get(strapi) ?? readChannelSettings(strapi);
