import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';

import { getService } from '../../../utils';
import { translate } from '../../i18n/messages';
import { readForm } from '../../request/form';
import { pageContext } from '../../request/page-context';
import { refuseBadCsrf } from '../../request/refuse-bad-csrf';
import type { IdRoute } from '../../route';
import { accountMessagePage } from '../../templates/account';
import { formPage } from '../../templates/forms';
import { clockTime } from '../../templates/impersonation-banner';
import { accountPaths } from '../account/paths';
import { forgetSession, signedInAccount } from '../account/signed-in';

/**
 * "End" on the impersonation banner: `GET` shows the button (the portal's banner links here),
 * `POST` (CSRF-checked) ends the impersonation, its session and every token issued in it, and
 * makes this browser forget the session. Under the account pages' path, for their CSRF cookie.
 */
export const createImpersonationEndRoutes = (strapi: Core.Strapi, base: string): IdRoute[] => {
  const paths = accountPaths(base);
  const path = /^\/account\/impersonation\/end$/;

  const notActing = (ctx: Context) => {
    const page = pageContext(ctx, paths.overview);
    ctx.body = accountMessagePage(page, {
      title: translate(page.locale, 'impersonation.ended.title'),
      text: translate(page.locale, 'impersonation.ended.none'),
      links: [{ href: paths.overview, label: translate(page.locale, 'account.title') }],
    });
  };

  return [
    {
      method: 'GET',
      path,
      async handle(ctx: Context, provider: Provider) {
        const signedIn = await signedInAccount(strapi, provider, ctx);
        if (!signedIn?.impersonation) return notActing(ctx);
        const page = pageContext(ctx, paths.overview);
        ctx.body = formPage(page, {
          title: translate(page.locale, 'impersonation.end.title'),
          lead: translate(page.locale, 'impersonation.end.lead', {
            name: signedIn.impersonation.targetName,
            until: clockTime(page.locale, signedIn.impersonation.expiresAt),
          }),
          action: paths.impersonationEnd,
          fields: [],
          submit: translate(page.locale, 'impersonation.end.submit'),
        });
      },
    },
    {
      method: 'POST',
      path,
      async handle(ctx: Context, provider: Provider) {
        const form = await readForm(ctx);
        if (refuseBadCsrf(ctx, paths.overview, form)) return;
        const signedIn = await signedInAccount(strapi, provider, ctx);
        if (!signedIn?.impersonation) return notActing(ctx);
        await getService(strapi, 'impersonations').end(signedIn.impersonation.id, 'actor');
        forgetSession(ctx, provider);
        const page = pageContext(ctx, paths.overview);
        ctx.body = accountMessagePage(page, {
          title: translate(page.locale, 'impersonation.ended.title'),
          text: translate(page.locale, 'impersonation.ended.text'),
          links: [],
        });
      },
    },
  ];
};
