import * as client from 'openid-client';

import type { UpstreamSettings } from './config';
import { isLoopbackHttp } from './http';
import { UpstreamError, text, type Upstream, type UpstreamProfile } from './profile';

/**
 * An OpenID Connect provider found by discovery from its issuer (a company Keycloak realm, and
 * Google through `google.ts`): code flow with PKCE S256, `state` and `nonce`; openid-client
 * checks the ID token (signature by the issuer's JWKS, `iss`, `aud`, `nonce`, expiry).
 * `mapClaims` turns the ID token's claims into a profile; by default the standard ones, where
 * only `email_verified: true` makes the email count as verified.
 */
export const oidcUpstream = (
  settings: UpstreamSettings,
  mapClaims: (claims: client.IDToken) => Omit<UpstreamProfile, 'provider'> = standardClaims
): Upstream => {
  const issuer = settings.issuer!;
  let discovered: Promise<client.Configuration> | null = null;
  const configuration = () => {
    discovered ??= client
      .discovery(new URL(issuer), settings.clientId, settings.clientSecret, undefined, {
        // Plain HTTP only for a provider on this machine (tests); anything else must be HTTPS.
        execute: isLoopbackHttp(issuer) ? [client.allowInsecureRequests] : [],
      })
      .catch((cause: unknown) => {
        discovered = null;
        throw new UpstreamError('ERR_UPSTREAM_TOKEN', 'Discovery failed', { cause });
      });
    return discovered;
  };

  return {
    id: settings.id,
    label: settings.label,
    async authorizationUrl(flow) {
      return client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: flow.redirectUri,
        scope: 'openid email profile',
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
        code_challenge_method: 'S256',
      });
    },
    async profile(callback, flow) {
      if (callback.searchParams.get('error')) {
        throw new UpstreamError('ERR_UPSTREAM_DENIED', 'The provider refused the sign-in');
      }
      let claims: client.IDToken | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(await configuration(), callback, {
          pkceCodeVerifier: flow.codeVerifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
      } catch (cause) {
        if (cause instanceof UpstreamError) throw cause;
        throw new UpstreamError('ERR_UPSTREAM_TOKEN', 'The code was not accepted', { cause });
      }
      if (!claims?.sub) throw new UpstreamError('ERR_UPSTREAM_PROFILE', 'No subject');
      return { provider: settings.id, ...mapClaims(claims) };
    },
  };
};

/** The standard claims: `sub`, `email`, `email_verified`, `given_name`, `family_name`. */
export const standardClaims = (claims: client.IDToken) => ({
  subject: String(claims.sub),
  email: text(claims.email)?.toLowerCase() ?? null,
  emailVerified: claims.email_verified === true,
  givenName: text(claims.given_name),
  familyName: text(claims.family_name),
});
