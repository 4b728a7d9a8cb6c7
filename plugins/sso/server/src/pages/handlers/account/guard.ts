import type { Context } from 'koa';
import type Provider from 'oidc-provider';

import { getConfig } from '../../../utils';
import { translate } from '../../i18n/messages';
import { pageContext } from '../../request/page-context';
import { refuseBadCsrf } from '../../request/refuse-bad-csrf';
import { readForm } from '../../request/form';
import { accountMessagePage } from '../../templates/account';
import type { AccountFeature, SignedInFormHandler, SignedInHandler } from './feature';
import { startSignIn } from './sign-in-request';
import { signedInAccount, type SignedIn } from './signed-in';

/** The signed-in account, or null after sending the browser to sign in (back to `returnTo`). */
const accountOrSignIn = async (
  feature: AccountFeature,
  ctx: Context,
  provider: Provider,
  returnTo: string
) => {
  const signedIn = await signedInAccount(feature.strapi, provider, ctx);
  if (!signedIn) {
    await startSignIn(ctx, {
      issuer: getConfig(feature.strapi).issuer,
      cookiePath: feature.paths.overview,
      returnTo,
    });
  }
  return signedIn;
};

/**
 * Staff acting as the person (impersonation) may look, never change how the account is secured:
 * 403 with a page saying so. True when the request was answered so.
 */
const refuseImpersonation = (feature: AccountFeature, ctx: Context, signedIn: SignedIn) => {
  if (!signedIn.impersonation) return false;
  const page = pageContext(ctx, feature.paths.overview);
  ctx.status = 403;
  ctx.body = accountMessagePage(page, {
    title: translate(page.locale, 'impersonation.refused.title'),
    text: translate(page.locale, 'impersonation.refused.text'),
    role: 'alert',
    links: [{ href: feature.paths.overview, label: translate(page.locale, 'account.title') }],
  });
  return true;
};

/** Who may open a page: by default its owner only, never staff acting as them. */
export interface PageAccess {
  /** Read-only pages staff acting as the person may see too (with the banner). */
  whileImpersonated?: boolean;
}

/** A page only the signed-in user sees; anyone else signs in first and comes back to it. */
export const signedInPage =
  (feature: AccountFeature, handle: SignedInHandler, access: PageAccess = {}) =>
  async (ctx: Context, provider: Provider) => {
    const signedIn = await accountOrSignIn(feature, ctx, provider, ctx.url);
    if (!signedIn) return;
    if (!access.whileImpersonated && refuseImpersonation(feature, ctx, signedIn)) return;
    await handle(ctx, provider, signedIn);
  };

/**
 * A form of the signed-in user, CSRF-checked. Without a session it leads to sign-in and then
 * to the account page: the form itself cannot be replayed after a redirect.
 */
export const signedInForm =
  (feature: AccountFeature, handle: SignedInFormHandler) =>
  async (ctx: Context, provider: Provider) => {
    // The form itself cannot be replayed after a redirect: back to the account page.
    const signedIn = await accountOrSignIn(feature, ctx, provider, feature.paths.overview);
    if (!signedIn) return;
    const form = await readForm(ctx);
    if (refuseBadCsrf(ctx, feature.paths.overview, form)) return;
    // Every account form changes the account (password, email, sessions, deletion, second
    // factors): none is for staff acting as the person.
    if (refuseImpersonation(feature, ctx, signedIn)) return;
    await handle(ctx, provider, signedIn, form);
  };
