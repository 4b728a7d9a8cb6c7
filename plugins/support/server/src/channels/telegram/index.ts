/**
 * The Telegram channel: people write to the desk's bot in a private chat, and agents' replies go
 * back to that chat. The webhook controller checks the secret header (`verifyTelegramWebhook`),
 * validates the body (`parseTelegramUpdate`) and turns it into an InboundMessage
 * (`telegramUpdateToInbound`, fetching photos, documents and voice notes through
 * `createTelegramFileFetcher`); it answers 403 on WebhookRefusedError, 400 on
 * InvalidChannelPayloadError, 503 on a retryable ProviderRequestError (Telegram then delivers the
 * update again; the intake takes `telegram:<update_id>` in once), else 200. Replies go out
 * through `createTelegramSender`; `setTelegramWebhook` registers the webhook with its secret.
 * Everything talks to `apiBaseUrl`, so tests and self-hosted Bot API servers work alike.
 */
export { TELEGRAM_DEFAULT_API_BASE_URL, telegramConfigFromEnv } from './config';
export type { TelegramApiConfig, TelegramChannelConfig } from './config';
export { createTelegramFileFetcher } from './file-fetcher';
export type { TelegramFileFetcher } from './file-fetcher';
export { createTelegramSender, TELEGRAM_TEXT_LIMIT } from './sender';
export { setTelegramWebhook } from './set-webhook';
export { parseTelegramUpdate } from './update';
export type {
  TelegramChat,
  TelegramChatType,
  TelegramDocument,
  TelegramMessage,
  TelegramPhotoSize,
  TelegramUpdate,
  TelegramUser,
  TelegramVoice,
} from './update';
export { TELEGRAM_ATTACHMENT_MAX_BYTES, telegramUpdateToInbound } from './update-to-inbound';
export { TELEGRAM_SECRET_HEADER, verifyTelegramWebhook } from './verify-webhook';
