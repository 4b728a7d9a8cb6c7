import type { IncomingHttpHeaders } from 'node:http';

import { constantTimeEqual } from '../constant-time-equal';
import { WebhookRefusedError } from '../errors';

/** The header in which Telegram sends back the `secret_token` given to setWebhook. */
export const TELEGRAM_SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/**
 * Accepts a webhook call only when it carries our secret; an empty expected secret (channel
 * misconfigured) refuses every call rather than opening the webhook to anyone.
 * @param headers Node's (Koa's) request headers, names in lower case
 * @throws WebhookRefusedError
 */
export const verifyTelegramWebhook = (
  headers: IncomingHttpHeaders,
  expectedSecret: string
): void => {
  const given = headers[TELEGRAM_SECRET_HEADER];
  if (!expectedSecret || typeof given !== 'string' || !constantTimeEqual(given, expectedSecret)) {
    throw new WebhookRefusedError('telegram');
  }
};
