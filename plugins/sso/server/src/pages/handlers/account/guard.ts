import type { Context } from 'koa';
import type Provider from 'oidc-provider';

import { getConfig } from '../../../utils';
import { refuseBadCsrf } from '../../request/refuse-bad-csrf';
import { readForm } from '../../request/form';
import type { AccountFeature, SignedInFormHandler, SignedInHandler } from './feature';
import { startSignIn } from './sign-in-request';
import { signedInAccount } from './signed-in';

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

/** A page only the signed-in user sees; anyone else signs in first and comes back to it. */
export const signedInPage =
  (feature: AccountFeature, handle: SignedInHandler) =>
  async (ctx: Context, provider: Provider) => {
    const signedIn = await accountOrSignIn(feature, ctx, provider, ctx.url);
    if (signedIn) await handle(ctx, provider, signedIn);
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
    await handle(ctx, provider, signedIn, form);
  };
