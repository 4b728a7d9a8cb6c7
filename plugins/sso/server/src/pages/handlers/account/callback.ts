import type { Context } from 'koa';

import { getConfig } from '../../../utils';
import { negotiateLocale, translate, type MessageKey } from '../../i18n/messages';
import { pageContext } from '../../request/page-context';
import type { IdRoute } from '../../route';
import { accountMessagePage } from '../../templates/account';
import { ACCOUNT_CLIENT_ID, accountCallbackUrl } from './client';
import { AccountSignInError } from './errors';
import type { AccountFeature } from './feature';
import { takePendingSignIn } from './sign-in-request';
import { signedInAccount } from './signed-in';
import { redeemCode } from './token-exchange';

/**
 * `GET /account/callback`: where ID sends the browser back after signing in. Checks the state,
 * redeems the code at the token endpoint (so none is left usable), makes sure the token is for
 * the account this browser's session holds, then returns to the page the user asked for.
 */
export const createCallbackRoute = (feature: AccountFeature): IdRoute => {
  const { strapi, paths } = feature;

  const failed = (ctx: Context, key: MessageKey, status: number) => {
    const locale = negotiateLocale(ctx.get('accept-language'));
    ctx.status = status;
    ctx.body = accountMessagePage(pageContext(ctx, paths.overview), {
      title: translate(locale, 'account.sign-in.title'),
      text: translate(locale, key),
      role: 'alert',
      links: [
        { href: paths.overview, label: translate(locale, 'account.try-again') },
        { href: '/', label: translate(locale, 'error.back') },
      ],
    });
  };

  return {
    method: 'GET',
    path: /^\/account\/callback$/,
    handle: async (ctx, provider) => {
      const { issuer } = getConfig(strapi);
      const pending = takePendingSignIn(ctx, paths.overview, ctx.query.state);
      if (!pending) return failed(ctx, 'account.sign-in.expired', 400);
      // RFC 9207: a response naming another issuer is not ours to accept.
      if (ctx.query.iss !== undefined && ctx.query.iss !== issuer) {
        return failed(ctx, 'account.sign-in.failed', 400);
      }
      if (ctx.query.error !== undefined) {
        const cancelled = ctx.query.error === 'access_denied';
        return failed(ctx, cancelled ? 'account.sign-in.cancelled' : 'account.sign-in.failed', 400);
      }
      if (typeof ctx.query.code !== 'string') return failed(ctx, 'account.sign-in.failed', 400);

      let accessToken: string;
      try {
        accessToken = await redeemCode({
          issuer,
          clientId: ACCOUNT_CLIENT_ID,
          redirectUri: accountCallbackUrl(issuer),
          code: ctx.query.code,
          verifier: pending.verifier,
        });
      } catch (error) {
        if (!(error instanceof AccountSignInError)) throw error;
        strapi.log.warn(`ID account sign-in: ${error.code}: ${error.message}`);
        return failed(ctx, 'account.sign-in.failed', 400);
      }
      // The pages need no token: it only proves who signed in, and is then thrown away.
      const token = await provider.AccessToken.find(accessToken);
      await token?.destroy();
      const signedIn = await signedInAccount(strapi, provider, ctx);
      if (!token || !signedIn || token.accountId !== signedIn.account.documentId) {
        strapi.log.warn('ID account sign-in: ERR_ACCOUNT_SUBJECT_MISMATCH');
        return failed(ctx, 'account.sign-in.failed', 400);
      }
      ctx.set('Cache-Control', 'no-store');
      ctx.status = 303;
      ctx.redirect(pending.returnTo);
    },
  };
};
