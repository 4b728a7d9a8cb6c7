import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import type Provider from 'oidc-provider';

import { createAccountRoutes } from './handlers/account';
import { createImpersonationRoutes } from './handlers/impersonation';
import { createInteractionRoutes } from './handlers/interactions';
import { createSelfServiceRoutes } from './handlers/self-service';
import { createUpstreamRoutes } from './handlers/upstream';
import { createPasskeyRoutes } from './handlers/passkeys';
import { translate } from './i18n/messages';
import { FormTooLargeError } from './request/form';
import { pageContext } from './request/page-context';
import type { IdRoute } from './route';
import { errorPage } from './templates/pages';

/**
 * Serves everything under the issuer's path (`/id`): our own pages (sign-in, consent, ...) and
 * every protocol endpoint of oidc-provider. Runs ahead of Strapi's own middlewares, so requests
 * reach oidc-provider untouched (bodies unread).
 */
export const createIdRouter = (
  strapi: Core.Strapi,
  base: string,
  current: () => Provider | null
) => {
  const routes: IdRoute[] = [
    ...createInteractionRoutes(strapi, base),
    ...createSelfServiceRoutes(strapi, base),
    ...createUpstreamRoutes(strapi, base),
    ...createAccountRoutes(strapi, base),
    ...createPasskeyRoutes(strapi, base),
    ...createImpersonationRoutes(strapi, base),
  ];
  const handlers = new WeakMap<Provider, ReturnType<Provider['callback']>>();
  const handlerOf = (provider: Provider) => {
    if (!handlers.has(provider)) handlers.set(provider, provider.callback());
    return handlers.get(provider)!;
  };

  return async (ctx: Context, next: Next) => {
    if (ctx.path !== base && !ctx.path.startsWith(`${base}/`)) return next();
    const provider = current();
    if (!provider) {
      ctx.status = 503;
      ctx.body = { error: 'temporarily_unavailable', error_description: 'ID is starting' };
      return;
    }
    const local = ctx.path.slice(base.length) || '/';
    const matching = routes.filter((route) => route.path.test(local));
    if (matching.length === 0) {
      // Like Express's mounting: oidc-provider derives its mount path from originalUrl.
      const req = ctx.req as typeof ctx.req & { originalUrl?: string };
      req.originalUrl = req.url;
      req.url = req.url!.slice(base.length) || '/';
      ctx.respond = false;
      await handlerOf(provider)(ctx.req, ctx.res);
      return;
    }
    const route = matching.find((candidate) => candidate.method === ctx.method);
    if (!route) return ctx.throw(405);
    try {
      await route.handle(ctx, provider, route.path.exec(local)!.slice(1));
    } catch (error) {
      const page = pageContext(ctx, base);
      const status = (error as { status?: number }).status ?? 400;
      strapi.log.warn(
        `ID page ${route.method} ${local.replace(/\/[A-Za-z0-9_-]{16,}/g, '/…')} failed: ${(error as Error).name}`
      );
      ctx.status = status >= 400 && status < 600 ? status : 400;
      if (error instanceof FormTooLargeError) {
        // A body past the drain limit is left unread: the connection must carry nothing more.
        ctx.set('Connection', 'close');
        ctx.body = errorPage(page, translate(page.locale, error.messageKey));
        return;
      }
      ctx.body = errorPage(
        page,
        (error as { error_description?: string }).error_description ??
          translate(page.locale, 'error.title')
      );
    }
  };
};
