import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type { MailRequestKind } from '../../../services/mail-throttle';
import { getService } from '../../../utils';
import { translate, type Locale } from '../../i18n/messages';
import { requestSource } from '../../request/request-source';

/**
 * Counts one more mail of `kind` to `email` asked for by this request. When the throttle
 * refuses it, answers 429 with Retry-After and returns what to tell the person; otherwise null.
 */
export const refuseThrottledMail = async (
  strapi: Core.Strapi,
  ctx: Context,
  kind: MailRequestKind,
  email: string,
  locale: Locale
): Promise<string | null> => {
  const permission = await getService(strapi, 'mail-throttle').take(
    kind,
    email,
    requestSource(strapi, ctx)
  );
  if (permission.ok) return null;
  ctx.status = 429;
  ctx.set('Retry-After', String(permission.retryAfterSeconds));
  return translate(locale, 'mail.throttled', {
    minutes: Math.ceil(permission.retryAfterSeconds / 60),
  });
};
