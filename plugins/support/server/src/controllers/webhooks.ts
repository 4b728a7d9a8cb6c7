import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { channelSettings } from '../channels/channel-settings';
import {
  InvalidChannelPayloadError,
  ProviderRequestError,
  WebhookRefusedError,
} from '../channels/errors';
import {
  EMPTY_TWIML,
  TWILIO_SIGNATURE_HEADER,
  TWIML_CONTENT_TYPE,
  twilioWebhookToInbound,
  verifyTwilioSignature,
} from '../channels/sms';
import {
  createTelegramFileFetcher,
  parseTelegramUpdate,
  telegramUpdateToInbound,
  verifyTelegramWebhook,
} from '../channels/telegram';
import { receiveInbound } from '../intake/receive-inbound';

/** A channel's refusal as Strapi-shaped JSON: 403 unsigned, 400 malformed, 503 try again. */
const answerError = (ctx: Context, error: unknown) => {
  if (error instanceof WebhookRefusedError || error instanceof InvalidChannelPayloadError) {
    ctx.status = error.status;
  } else if (error instanceof ProviderRequestError && error.retryable) {
    ctx.status = 503;
  } else {
    throw error;
  }
  ctx.body = {
    data: null,
    error: {
      status: ctx.status,
      name: (error as Error).name,
      message: (error as Error).message,
      details: {},
    },
  };
};

const notConfigured = (ctx: Context) => {
  ctx.status = 404;
  ctx.body = {
    data: null,
    error: { status: 404, name: 'NotFoundError', message: 'Not Found', details: {} },
  };
};

/**
 * The providers' webhooks: each checks the provider's secret or signature before reading
 * anything, and takes the message in once (the provider may deliver it again).
 */
const webhooks = ({ strapi }: { strapi: Core.Strapi }) => ({
  async telegram(ctx: Context) {
    const config = channelSettings(strapi).telegram;
    if (!config) return notConfigured(ctx);
    try {
      verifyTelegramWebhook(ctx.request.headers, config.webhookSecret);
      const update = parseTelegramUpdate((ctx.request as { body?: unknown }).body);
      const message = await telegramUpdateToInbound(update, createTelegramFileFetcher(config));
      if (message) await receiveInbound(strapi, message);
      ctx.status = 200;
      ctx.body = { ok: true };
    } catch (error) {
      answerError(ctx, error);
    }
    return undefined;
  },

  async sms(ctx: Context) {
    const config = channelSettings(strapi).sms;
    if (!config) return notConfigured(ctx);
    try {
      const params = ((ctx.request as { body?: unknown }).body ?? {}) as Record<string, string>;
      const url = config.webhookUrl ?? `${ctx.protocol}://${ctx.host}${ctx.originalUrl}`;
      verifyTwilioSignature(
        url,
        params,
        ctx.get(TWILIO_SIGNATURE_HEADER) || undefined,
        config.authToken
      );
      await receiveInbound(strapi, twilioWebhookToInbound(params));
      ctx.status = 200;
      ctx.type = TWIML_CONTENT_TYPE;
      ctx.body = EMPTY_TWIML;
    } catch (error) {
      answerError(ctx, error);
    }
    return undefined;
  },
});

export default webhooks;
