import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';

import {
  authenticationOptions,
  expiredChallenge,
  PasskeyError,
  passkeyChallenges,
  signInWithPasskey,
} from '../../../second-factor/passkeys';
import { requestSource } from '../../request/request-source';
import type { IdRoute } from '../../route';
import { completeSignIn } from '../sign-in/complete-sign-in';
import { jsonEndpoint, jsonField } from './json-endpoint';

const UID = '([A-Za-z0-9_-]{1,64})';

/** The interaction being signed in to: it must still be waiting for a sign-in. */
const loginInteraction = async (ctx: Context, provider: Provider, uid: string) => {
  const details = await provider.interactionDetails(ctx.req, ctx.res).catch(() => null);
  if (!details || details.uid !== uid || details.prompt.name !== 'login') {
    throw new PasskeyError(400, 'ERR_PASSKEY_INTERACTION', 'expired');
  }
  return details;
};

/**
 * `POST /interaction/:uid/passkey/options` and `…/verify`: the sign-in page's script asks for
 * a challenge, lets the browser sign it with a passkey, and sends the assertion back. A
 * verified one ends like every sign-in, in `completeSignIn`; the script follows the redirect.
 */
export const createPasskeySignInRoutes = (strapi: Core.Strapi, base: string): IdRoute[] => {
  const challenges = passkeyChallenges(strapi);
  const cookiePath = (uid: string) => `${base}/interaction/${uid}`;
  return [
    {
      method: 'POST',
      path: new RegExp(`^/interaction/${UID}/passkey/options$`),
      handle: jsonEndpoint(async ({ ctx, provider, params: [uid] }) => {
        await loginInteraction(ctx, provider, uid);
        const options = await authenticationOptions(strapi);
        await challenges.issue(ctx, cookiePath(uid), `sign-in:${uid}`, options.challenge);
        return options;
      }),
    },
    {
      method: 'POST',
      path: new RegExp(`^/interaction/${UID}/passkey/verify$`),
      handle: jsonEndpoint(async ({ ctx, provider, params: [uid], form }) => {
        await loginInteraction(ctx, provider, uid);
        const response = jsonField(form, 'response');
        const expectedChallenge = await challenges.take(ctx, cookiePath(uid), `sign-in:${uid}`);
        if (!expectedChallenge) throw expiredChallenge();
        const proof = await signInWithPasskey(strapi, {
          response,
          expectedChallenge,
          ip: requestSource(strapi, ctx),
          userAgent: ctx.get('user-agent'),
        });
        await completeSignIn(strapi, ctx, provider, proof);
        // A redirect (on to the application, or to a further step) is for the script to follow;
        // a page rendered instead is reached again at the interaction's own address.
        const redirectTo =
          ctx.status >= 300 && ctx.status < 400 ? ctx.response.get('Location') : cookiePath(uid);
        ctx.remove('Location');
        ctx.status = 200;
        return { redirectTo };
      }),
    },
  ];
};
