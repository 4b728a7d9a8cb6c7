import type { Context } from 'koa';
import type Provider from 'oidc-provider';

import { badRequest, PasskeyError } from '../../../second-factor/passkeys';
import { hasMessage, negotiateLocale, translate, type Locale } from '../../i18n/messages';
import { isCsrfValid } from '../../request/csrf';
import { readForm } from '../../request/form';

export interface JsonRequest {
  ctx: Context;
  provider: Provider;
  params: string[];
  form: Record<string, string>;
  locale: Locale;
}

/**
 * One of the passkey script's endpoints: a form post (so the CSRF token travels like every
 * form's) answered with JSON. A `PasskeyError` becomes its status and a message in the
 * reader's language; anything else is the router's.
 */
export const jsonEndpoint =
  (handle: (request: JsonRequest) => Promise<unknown>) =>
  async (ctx: Context, provider: Provider, params: string[]) => {
    const locale = negotiateLocale(ctx.get('accept-language'));
    ctx.set({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    try {
      const form = await readForm(ctx);
      if (!isCsrfValid(ctx, form.csrf)) {
        ctx.status = 403;
        ctx.body = {
          error: { code: 'ERR_PASSKEY_CSRF', message: translate(locale, 'error.csrf') },
        };
        return;
      }
      const body = await handle({ ctx, provider, params, form, locale });
      if (body !== undefined) ctx.body = body;
    } catch (error) {
      if (!(error instanceof PasskeyError)) throw error;
      ctx.status = error.status;
      ctx.body = {
        error: {
          code: error.code,
          message: passkeyMessage(locale, error),
        },
      };
    }
  };

/** A passkey error in the reader's language. */
export const passkeyMessage = (locale: Locale, error: PasskeyError) => {
  const key = `passkeys.error.${error.reason}`;
  return hasMessage(key) ? translate(locale, key, error.values) : translate(locale, 'error.title');
};

/** A field holding the browser's JSON (a WebAuthn response), parsed to an object. */
export const jsonField = (form: Record<string, string>, name: string) => {
  try {
    const value: unknown = JSON.parse(form[name] ?? '');
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // Reported below, by name.
  }
  throw badRequest(name);
};
