import { randomBytes } from 'node:crypto';

import type { Context } from 'koa';

import { csrfToken } from './csrf';
import { negotiateLocale } from '../i18n/messages';
import type { PageContext } from '../templates/page';

/**
 * What every ID page needs: the reader's language, a CSP nonce for its stylesheet and a CSRF
 * token, with the security headers that go with them.
 */
export const pageContext = (ctx: Context, cookiePath: string): PageContext => {
  const nonce = randomBytes(16).toString('base64');
  ctx.set({
    'Content-Security-Policy': `default-src 'none'; style-src 'nonce-${nonce}'; frame-ancestors 'none'; base-uri 'none'`,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    Vary: 'Accept-Language',
  });
  ctx.type = 'html';
  return {
    locale: negotiateLocale(ctx.get('accept-language')),
    nonce,
    csrfToken: csrfToken(ctx, cookiePath),
  };
};
