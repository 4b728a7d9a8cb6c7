import { callBotApi } from './bot-api';
import type { TelegramChannelConfig } from './config';

/**
 * Points the bot's updates at our webhook (Bot API setWebhook) with the secret Telegram must
 * send back, asking only for the updates the desk reads. Run once at deploy or at start.
 * @param webhookUrl the public HTTPS URL of the desk's Telegram webhook
 */
export const setTelegramWebhook = async (
  config: TelegramChannelConfig,
  webhookUrl: string
): Promise<void> => {
  await callBotApi(config, 'setWebhook', {
    url: webhookUrl,
    secret_token: config.webhookSecret,
    allowed_updates: ['message'],
  });
};
