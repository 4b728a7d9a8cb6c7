import { randomBytes } from 'node:crypto';

import type { Context } from 'koa';

import { csrfToken } from './csrf';
import { negotiateLocale } from '../i18n/messages';
import type { PageContext } from '../templates/page';

export interface PageScripts {
  /** The absolute URL of ID's script assets (a folder, ending in `/`), for pages that load any. */
  scriptSrc?: string;
}

/**
 * What every ID page needs: the reader's language, a CSP nonce for its stylesheet and a CSRF
 * token, with the security headers that go with them.
 */
export const pageContext = (
  ctx: Context,
  cookiePath: string,
  options: PageScripts = {}
): PageContext => {
  const nonce = randomBytes(16).toString('base64');
  // A page with scripts may load them from ID's own assets only, and call back only to ID.
  const scripts = options.scriptSrc ? `; script-src ${options.scriptSrc}; connect-src 'self'` : '';
  ctx.set({
    'Content-Security-Policy': `default-src 'none'; style-src 'nonce-${nonce}'; frame-ancestors 'none'; base-uri 'none'${scripts}`,
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
