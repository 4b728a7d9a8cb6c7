import type { Core } from '@strapi/strapi';
import type Provider from 'oidc-provider';

import { getConfig, getService } from '../../../utils';
import { translate } from '../../i18n/messages';
import { pageContext } from '../../request/page-context';
import type { IdRoute } from '../../route';
import { accountMessagePage } from '../../templates/account';
import { forgetSession } from '../account/signed-in';

/** oidc-provider's cookie name and options are configuration, not part of its typed API. */
interface ProviderInternals {
  cookieName(type: 'session'): string;
  app: { createContext(req: unknown, res: unknown): { cookies: CookieJar } };
}
interface CookieJar {
  set(name: string, value: string, options: Record<string, unknown>): void;
}

/**
 * `GET /impersonate/<token>`: the one-time link the admin API made. Spends it, opens an ID session
 * of the person (the actor is known from the impersonation it is bound to, and every token of
 * the session says so in `act`), and sends the browser to the portal, whose ordinary sign-in
 * picks the session up. The session ends when the impersonation does.
 */
export const createImpersonationStartRoute = (strapi: Core.Strapi, base: string): IdRoute => ({
  method: 'GET',
  path: /^\/impersonate\/([A-Za-z0-9_-]{1,128})$/,
  async handle(ctx, provider: Provider, [token]) {
    const impersonations = getService(strapi, 'impersonations');
    const started = await impersonations.consume(token);
    if (!started) {
      const page = pageContext(ctx, base);
      ctx.status = 410;
      ctx.body = accountMessagePage(page, {
        title: translate(page.locale, 'impersonation.link-dead.title'),
        text: translate(page.locale, 'impersonation.link-dead.text'),
        role: 'alert',
        links: [],
      });
      return;
    }

    // A new session, never the browser's own: staff signed in to ID as themselves are not
    // mixed up with the person, and nothing of theirs carries over.
    const session = new provider.Session();
    session.loginAccount({ accountId: started.targetSub, transient: true });
    await impersonations.bindSession(started.id, session.uid);
    const ttl = Math.max(1, Math.floor((started.expiresAt.getTime() - Date.now()) / 1000));
    await session.save(ttl);

    forgetSession(ctx, provider);
    const internals = provider as unknown as ProviderInternals;
    // Signed with the provider's cookie keys, where Session.get looks for it.
    internals.app
      .createContext(ctx.req, ctx.res)
      .cookies.set(internals.cookieName('session'), session.jti, {
        httpOnly: true,
        sameSite: 'lax',
        signed: true,
        path: '/',
        secure: ctx.secure,
        overwrite: true,
      });
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.status = 303;
    ctx.redirect(getConfig(strapi).impersonationLandingUrl);
  },
});
