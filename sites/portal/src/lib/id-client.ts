import { createHash } from 'node:crypto';

import * as client from 'openid-client';

import { portalConfig } from './config';
import type { Session } from './session';

/** The portal's client at ID: public (no secret), PKCE, registered by the CMS at every start. */
const CLIENT_ID = 'portal';
/** `api` for an access token to the CMS; `offline_access` for a refresh token. */
const SCOPE = 'openid email profile offline_access api';

/** What the portal remembers between sending the browser to ID and its return. */
export interface PendingSignIn {
  verifier: string;
  state: string;
  /** A path on the portal (see `safeReturnTo`). */
  returnTo: string;
}

let discovered: { issuer: string; configuration: Promise<client.Configuration> } | null = null;

/**
 * ID's configuration (discovery), fetched once per process and issuer; fetched again after a
 * failure, so that a portal started before the CMS recovers by itself.
 */
const configuration = (): Promise<client.Configuration> => {
  const { issuer } = portalConfig();
  if (discovered?.issuer !== issuer.href) {
    // Plain http only where ID itself runs on it (development, tests): openid-client insists.
    const configuration = client.discovery(issuer, CLIENT_ID, undefined, client.None(), {
      execute: issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
    });
    const entry = { issuer: issuer.href, configuration };
    configuration.catch(() => {
      if (discovered === entry) discovered = null;
    });
    discovered = entry;
  }
  return discovered.configuration;
};

const callbackUrl = () => new URL('/auth/callback', portalConfig().portalUrl);

/** A session from a token answer; `previous` supplies who it is when no ID token came along. */
const sessionFrom = (
  tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers,
  previous?: Session
): Session => {
  const claims = tokens.claims();
  const user = claims
    ? {
        sub: claims.sub,
        name: String(claims.name ?? claims.preferred_username ?? claims.email ?? ''),
        email: typeof claims.email === 'string' ? claims.email : null,
      }
    : previous?.user;
  if (!user) throw new TypeError('ID answered without an ID token');
  return {
    user,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? previous?.refreshToken ?? null,
    accessTokenExpiresAt: Date.now() + (tokens.expiresIn() ?? 0) * 1000,
  };
};

/**
 * Starts signing in (authorization code + PKCE): where to send the browser, and what to keep
 * until it comes back to `/auth/callback`.
 *
 * @example
 * ```ts
 * const { url, pending } = await startSignIn('/clinics/lisya-tropa/review');
 * ```
 */
export const startSignIn = async (returnTo: string) => {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(await configuration(), {
    redirect_uri: callbackUrl().href,
    scope: SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  });
  return { url, pending: { verifier, state, returnTo } satisfies PendingSignIn };
};

/**
 * Redeems the code ID sent the browser back with, checking state and PKCE, for a session.
 * `search` is the callback's query string; the callback address itself is the registered one
 * (`PORTAL_URL`), whatever Host the request came with.
 * @throws openid-client's errors (`ResponseBodyError` with ID's `error`, and others).
 *
 * @example
 * ```ts
 * const session = await finishSignIn(Astro.url.search, pending);
 * ```
 */
export const finishSignIn = async (search: string, pending: PendingSignIn): Promise<Session> => {
  const current = callbackUrl();
  current.search = search;
  const tokens = await client.authorizationCodeGrant(await configuration(), current, {
    pkceCodeVerifier: pending.verifier,
    expectedState: pending.state,
  });
  return sessionFrom(tokens);
};

/** How long the tokens a refresh brought are remembered, for requests that still carry the old. */
const REFRESH_REUSE_MS = 60_000;
const refreshes = new Map<string, { session: Promise<Session>; until: number }>();

/**
 * A new access token (and refresh token) for `session`. ID rotates refresh tokens and revokes
 * the whole family when a used one is presented again, so two requests of one browser must not
 * both redeem it: within this process, the first refresh is shared with whatever request still
 * carries the old cookie in the next minute.
 * @throws openid-client's errors when ID refuses (revoked, expired, user blocked).
 *
 * @example
 * ```ts
 * const fresh = await refreshSession(session);
 * ```
 */
export const refreshSession = (session: Session): Promise<Session> => {
  const refreshToken = session.refreshToken;
  if (!refreshToken) return Promise.reject(new TypeError('This session has no refresh token'));
  const now = Date.now();
  for (const [key, entry] of refreshes) if (entry.until <= now) refreshes.delete(key);
  const key = createHash('sha256').update(refreshToken).digest('base64url');
  const known = refreshes.get(key);
  if (known) return known.session;
  const refreshed = configuration()
    .then((config) => client.refreshTokenGrant(config, refreshToken))
    .then((tokens) => sessionFrom(tokens, session));
  refreshes.set(key, { session: refreshed, until: now + REFRESH_REUSE_MS });
  refreshed.catch(() => refreshes.delete(key));
  return refreshed;
};

/**
 * Ends what ID holds for this session: the refresh token is revoked (best effort: the person is
 * signed out of the portal either way), and the address of ID's own sign-out, which comes back
 * to the portal's home page.
 *
 * @example
 * ```ts
 * return Astro.redirect((await signOutAtId(session)).href);
 * ```
 */
export const signOutAtId = async (session: Session | null): Promise<URL> => {
  const config = await configuration();
  if (session?.refreshToken) {
    await client
      .tokenRevocation(config, session.refreshToken, { token_type_hint: 'refresh_token' })
      .catch(() => undefined);
  }
  return client.buildEndSessionUrl(config, {
    post_logout_redirect_uri: new URL('/', portalConfig().portalUrl).href,
  });
};
