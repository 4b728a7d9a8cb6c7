/** Where the Bot API is and which bot speaks through it. */
export interface TelegramApiConfig {
  /** `https://api.telegram.org`, or a local Bot API server (tests, self-hosted). */
  apiBaseUrl: string;
  /** The bot's token from @BotFather; part of every API URL, so never logged. */
  token: string;
}

/** The Telegram channel's settings (`TELEGRAM_*` in `.env`). */
export interface TelegramChannelConfig extends TelegramApiConfig {
  /** The `secret_token` given to setWebhook; Telegram sends it back on every webhook call. */
  webhookSecret: string;
}

export const TELEGRAM_DEFAULT_API_BASE_URL = 'https://api.telegram.org';

/** The channel's settings from the environment, or null when no bot is configured. */
export const telegramConfigFromEnv = (
  env: Readonly<Record<string, string | undefined>>
): TelegramChannelConfig | null => {
  const token = env.TELEGRAM_BOT_TOKEN;
  const webhookSecret = env.TELEGRAM_WEBHOOK_SECRET;
  if (!token || !webhookSecret) return null;
  return {
    apiBaseUrl: env.TELEGRAM_API_BASE_URL || TELEGRAM_DEFAULT_API_BASE_URL,
    token,
    webhookSecret,
  };
};
