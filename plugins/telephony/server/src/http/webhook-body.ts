import type { Context } from 'koa';

import { WEBHOOK_BODY_LIMIT_BYTES } from '../../../shared/contracts';
import { bodyTooLarge } from '../errors';

/** Where Strapi's body parser (`includeUnparsed`, `cms/config/middlewares.ts`) keeps the bytes. */
const UNPARSED = Symbol.for('unparsedBody');

export interface WebhookBody {
  parsed: unknown;
  /** The body exactly as sent: signatures are computed over it, not over a re-serialisation. */
  raw: string;
}

/**
 * A webhook's body as parsed and as sent, refused (413) over the webhooks' limit. Strapi's parser
 * already stopped at the CMS-wide limit (1 MB), so no more than that was ever held.
 */
export const webhookBody = (ctx: Context): WebhookBody => {
  const parsed = (ctx.request as { body?: unknown }).body ?? {};
  const unparsed =
    typeof parsed === 'object' && parsed !== null
      ? (parsed as Record<symbol, unknown>)[UNPARSED]
      : undefined;
  const raw = typeof unparsed === 'string' ? unparsed : '';
  if (Buffer.byteLength(raw) > WEBHOOK_BODY_LIMIT_BYTES) {
    throw bodyTooLarge(WEBHOOK_BODY_LIMIT_BYTES);
  }
  return { parsed, raw };
};
