import type { Context } from 'koa';
import type Provider from 'oidc-provider';

import { getConfig } from '../../utils';
import { refuseBadCsrf } from '../csrf';
import { readForm } from '../form';
import type { AccountFeature, SignedInFormHandler, SignedInHandler } from './feature';
import { startSignIn } from './sign-in-request';
import { signedInAccount } from './signed-in';

/** A page only the signed-in user sees; anyone else signs in first and comes back to it. */
export const signedInPage =
  (feature: AccountFeature, handle: SignedInHandler) =>
  async (ctx: Context, provider: Provider) => {
    const signedIn = await signedInAccount(feature.strapi, provider, ctx);
    if (!signedIn) {
      return startSignIn(ctx, {
        issuer: getConfig(feature.strapi).issuer,
        cookiePath: feature.paths.overview,
        returnTo: ctx.url,
      });
    }
    await handle(ctx, provider, signedIn);
  };

/**
 * A form of the signed-in user, CSRF-checked. Without a session it leads to sign-in and then
 * to the account page: the form itself cannot be replayed after a redirect.
 */
export const signedInForm =
  (feature: AccountFeature, handle: SignedInFormHandler) =>
  async (ctx: Context, provider: Provider) => {
    const signedIn = await signedInAccount(feature.strapi, provider, ctx);
    if (!signedIn) {
      return startSignIn(ctx, {
        issuer: getConfig(feature.strapi).issuer,
        cookiePath: feature.paths.overview,
        returnTo: feature.paths.overview,
      });
    }
    const form = await readForm(ctx);
    if (refuseBadCsrf(ctx, feature.paths.overview, form)) return;
    await handle(ctx, provider, signedIn, form);
  };
