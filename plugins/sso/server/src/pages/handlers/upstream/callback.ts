import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';

import { UpstreamError } from '../../../upstreams/profile';
import { getService } from '../../../utils';
import { translate } from '../../i18n/messages';
import { pageContext } from '../../request/page-context';
import type { IdRoute } from '../../route';
import { errorPage } from '../../templates/pages';
import { linkFromAccount } from './link-from-account';
import { clearFlow, readFlow, saveFlow } from './flow-cookie';
import { recordUpstreamSignIn } from './record';
import { upstreamCallbackUrl } from './start';

/**
 * `GET /upstream/:provider/callback`, where every provider sends the browser back. The state
 * must be the one this browser's sealed cookie holds for this provider; then the code is
 * redeemed (with the PKCE verifier, and nonce for OpenID Connect) for the person's profile.
 * A sign-in goes on inside its interaction (whose cookie is scoped to it); linking from "my
 * account" is finished here.
 */
export const createUpstreamCallbackRoute = (strapi: Core.Strapi, base: string): IdRoute => ({
  method: 'GET',
  path: /^\/upstream\/([a-z0-9]{1,40})\/callback$/,
  handle: async (ctx: Context, provider: Provider, [providerId]) => {
    const flow = readFlow(strapi, ctx);
    const upstream = getService(strapi, 'external-identities').upstreams().find(providerId);
    try {
      if (!upstream) throw new UpstreamError('ERR_UPSTREAM_UNKNOWN', 'No such provider');
      if (
        !flow ||
        flow.stage !== 'started' ||
        flow.provider !== providerId ||
        ctx.query.state !== flow.state
      ) {
        throw new UpstreamError('ERR_UPSTREAM_STATE', 'The state does not match this browser');
      }
      clearFlow(ctx, base);
      const callback = new URL(upstreamCallbackUrl(strapi, upstream.id));
      callback.search = ctx.querystring;
      const profile = await upstream.profile(callback, {
        redirectUri: upstreamCallbackUrl(strapi, upstream.id),
        state: flow.state,
        nonce: flow.nonce,
        codeVerifier: flow.verifier,
      });
      if (flow.purpose === 'link') {
        await linkFromAccount(strapi, ctx, provider, base, flow.accountId, profile);
        return;
      }
      saveFlow(strapi, ctx, base, { stage: 'returned', uid: flow.uid, profile });
      ctx.status = 303;
      ctx.redirect(`${base}/interaction/${flow.uid}/upstream-result`);
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      strapi.log.warn(`ID upstream ${providerId} sign-in refused: ${error.code}`);
      await recordUpstreamSignIn(strapi, ctx, {
        provider: providerId,
        email: null,
        userId: null,
        outcome: 'upstream-refused',
      });
      const page = pageContext(ctx, base);
      ctx.status = 400;
      ctx.body = errorPage(page, translate(page.locale, 'upstream.error.failed'));
    }
  },
});
