import { createHash } from 'node:crypto';

import * as client from 'openid-client';

import type { PendingSignIn } from './pending-sign-in';
import type { Session, SessionActor } from './session';

/** How long the tokens a refresh brought are remembered, for requests that still carry the old. */
const REFRESH_REUSE_MS = 60_000;

/**
 * Staff acting as the person (`act`, RFC 8693): ID caps the ID token's `exp` at the end of the
 * impersonation, so it says until when.
 */
const actorFrom = (claims: client.IDToken): SessionActor | null => {
  const { act } = claims as { act?: unknown };
  if (typeof act !== 'object' || act === null) return null;
  const { sub, email } = act as Record<string, unknown>;
  if (typeof sub !== 'string' || typeof email !== 'string') return null;
  return { sub, email, until: claims.exp * 1000 };
};

/** An app's conversation with VixenHealth ID; made by {@link createIdClient}. */
export interface IdClient {
  /**
   * Starts signing in (authorization code + PKCE): where to send the browser, and what to keep
   * until it comes back to the callback.
   */
  startSignIn(returnTo: string): Promise<{ url: URL; pending: PendingSignIn }>;
  /**
   * Redeems the code ID sent the browser back with, checking state and PKCE, for a session.
   * `search` is the callback's query string; the callback address itself is the registered one
   * (under the app's URL), whatever Host the request came with.
   * @throws openid-client's errors (`ResponseBodyError` with ID's `error`, and others).
   */
  finishSignIn(search: string, pending: PendingSignIn): Promise<Session>;
  /**
   * A new access token (and refresh token) for `session`. ID rotates refresh tokens and revokes
   * the whole family when a used one is presented again, so two requests of one browser must
   * not both redeem it: within this process, the first refresh is shared with whatever request
   * still carries the old cookie in the next minute.
   * @throws openid-client's errors when ID refuses (revoked, expired, user blocked).
   */
  refreshSession(session: Session): Promise<Session>;
  /**
   * Ends what ID holds for this session: the refresh token is revoked (best effort: the person
   * is signed out of the app either way); answers the address of ID's own sign-out, which comes
   * back to the app's home page.
   */
  signOutAtId(session: Session | null): Promise<URL>;
}

export interface IdClientOptions {
  clientId: string;
  scope: string;
  issuer: () => URL;
  appUrl: () => URL;
  callbackPath: string;
}

type Tokens = client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;

/**
 * Who signed in, from the ID token; `previous` supplies it when no ID token came along (a
 * refresh). ID puts the profile (name, email) in the ID token only when the access token cannot
 * fetch it, i.e. when it is for the API (`api` scope); otherwise it is read from userinfo.
 */
const userFrom = async (config: client.Configuration, tokens: Tokens, previous?: Session) => {
  const claims = tokens.claims();
  if (!claims) {
    if (!previous) throw new TypeError('ID answered without an ID token');
    return previous.user;
  }
  const profile =
    claims.name === undefined && claims.email === undefined
      ? await client.fetchUserInfo(config, tokens.access_token, claims.sub)
      : claims;
  return {
    sub: claims.sub,
    name: String(profile.name ?? profile.preferred_username ?? profile.email ?? ''),
    email: typeof profile.email === 'string' ? profile.email : null,
    actor: actorFrom(claims),
  };
};

/** A session from a token answer; `previous` is the session a refresh continues. */
const sessionFrom = async (
  config: client.Configuration,
  tokens: Tokens,
  previous?: Session
): Promise<Session> => ({
  user: await userFrom(config, tokens, previous),
  accessToken: tokens.access_token,
  refreshToken: tokens.refresh_token ?? previous?.refreshToken ?? null,
  accessTokenExpiresAt: Date.now() + (tokens.expiresIn() ?? 0) * 1000,
});

/**
 * The public client `clientId` (no secret, PKCE) of VixenHealth ID, through `openid-client`.
 *
 * @example
 * ```ts
 * const id = createIdClient({ clientId: 'docs', scope: 'openid email profile', issuer, appUrl, callbackPath: '/auth/callback' });
 * const { url, pending } = await id.startSignIn('/guides');
 * ```
 */
export const createIdClient = ({
  clientId,
  scope,
  issuer,
  appUrl,
  callbackPath,
}: IdClientOptions): IdClient => {
  let discovered: { issuer: string; configuration: Promise<client.Configuration> } | null = null;

  /**
   * ID's configuration (discovery), fetched once per process and issuer; fetched again after a
   * failure, so that an app started before the CMS recovers by itself.
   */
  const configuration = (): Promise<client.Configuration> => {
    const current = issuer();
    if (discovered?.issuer !== current.href) {
      // Plain http only where ID itself runs on it (development, tests): openid-client insists.
      const configuration = client.discovery(current, clientId, undefined, client.None(), {
        execute: current.protocol === 'http:' ? [client.allowInsecureRequests] : [],
      });
      const entry = { issuer: current.href, configuration };
      configuration.catch(() => {
        if (discovered === entry) discovered = null;
      });
      discovered = entry;
    }
    return discovered.configuration;
  };

  const callbackUrl = () => new URL(callbackPath, appUrl());

  const refreshes = new Map<string, { session: Promise<Session>; until: number }>();

  return {
    async startSignIn(returnTo) {
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const url = client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: callbackUrl().href,
        scope,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
      });
      return { url, pending: { verifier, state, returnTo } };
    },

    async finishSignIn(search, pending) {
      const current = callbackUrl();
      current.search = search;
      const config = await configuration();
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
      });
      return sessionFrom(config, tokens);
    },

    refreshSession(session) {
      const refreshToken = session.refreshToken;
      if (!refreshToken) return Promise.reject(new TypeError('This session has no refresh token'));
      const now = Date.now();
      for (const [key, entry] of refreshes) if (entry.until <= now) refreshes.delete(key);
      const key = createHash('sha256').update(refreshToken).digest('base64url');
      const known = refreshes.get(key);
      if (known) return known.session;
      const refreshed = configuration().then(async (config) =>
        sessionFrom(config, await client.refreshTokenGrant(config, refreshToken), session)
      );
      refreshes.set(key, { session: refreshed, until: now + REFRESH_REUSE_MS });
      refreshed.catch(() => refreshes.delete(key));
      return refreshed;
    },

    async signOutAtId(session) {
      const config = await configuration();
      if (session?.refreshToken) {
        await client
          .tokenRevocation(config, session.refreshToken, { token_type_hint: 'refresh_token' })
          .catch(() => undefined);
      }
      return client.buildEndSessionUrl(config, {
        post_logout_redirect_uri: new URL('/', appUrl()).href,
      });
    },
  };
};
