import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type { Account } from '../../../services/accounts';
import { getService } from '../../../utils';
import { requestSource } from '../../request/request-source';
import { translate, type Locale } from '../../i18n/messages';

export type Reauthentication = { ok: true } | { ok: false; status: 400 | 403 | 429; error: string };

/**
 * Asks for the password again before a change that matters (new password, deletion). It goes
 * through the same sign-in check: throttled like it, and recorded in the login history, so a
 * stolen session cannot guess the password any faster than a stranger.
 */
export const reauthenticate = async (
  strapi: Core.Strapi,
  ctx: Context,
  account: Account,
  password: string | undefined,
  locale: Locale
): Promise<Reauthentication> => {
  if (!password) {
    return { ok: false, status: 400, error: translate(locale, 'account.reauth.missing') };
  }
  const result = await getService(strapi, 'accounts').signIn({
    email: account.email,
    password: password.slice(0, 1024),
    ip: requestSource(strapi, ctx),
    userAgent: ctx.get('user-agent'),
  });
  // An unconfirmed address says nothing against the password, which matched.
  if (result.ok || result.reason === 'unverified') return { ok: true };
  if (result.reason === 'throttled') {
    ctx.set('Retry-After', String(result.retryAfterSeconds));
    return {
      ok: false,
      status: 429,
      error: translate(locale, 'account.reauth.throttled', { seconds: result.retryAfterSeconds }),
    };
  }
  if (result.reason === 'blocked') {
    return { ok: false, status: 403, error: translate(locale, 'account.reauth.blocked') };
  }
  return { ok: false, status: 400, error: translate(locale, 'account.reauth.wrong') };
};
