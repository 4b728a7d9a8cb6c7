import type { MiddlewareNext } from 'astro';

import { createClaimsReader, type AccessTokenClaims } from './lib/access-token-claims';
import type { AuthContext, SessionLocals } from './lib/context';
import { createIdClient } from './lib/id-client';
import { createSessionMiddleware } from './lib/middleware';
import { createPendingSignIns } from './lib/pending-sign-in';
import { createGuard, type SignedIn } from './lib/require-user';
import { safeReturnTo } from './lib/return-to';
import { createRoutes, type SignInFailure } from './lib/routes';
import { createSealer, type Sealer } from './lib/sealed';
import { createSessionCookie, type Session } from './lib/session';
import { resolveOptions, type IdWebOptions } from './options';

/** Where the routes live: ID knows every platform app's callback as `<appUrl>/auth/callback`. */
const SIGN_IN_PATH = '/auth/sign-in';
const CALLBACK_PATH = '/auth/callback';

/** One app's sign-in with VixenHealth ID; made by {@link createIdWeb}. */
export interface IdWeb {
  /**
   * The signed-in person with a valid access token, refreshing it (and the session cookie) when
   * it has expired; or, for a visitor who is not signed in (or whose session ID no longer
   * honours), a redirect to sign in that comes back to this page. Return that redirect.
   */
  requireUser(context: AuthContext): Promise<SignedIn | Response>;
  /**
   * Ends the app's session and sends the person to sign in again: after ID refused to refresh
   * it, or the CMS refused its access token (401: blocked, or signed out everywhere).
   */
  signInAgain(context: AuthContext): Response;
  /** The app's sign-in address, coming back to `returnTo` (made safe) afterwards. */
  signInPath(returnTo: string): string;
  /** `value` if it is a plain path of this app, else `/` (see the README: open redirects). */
  safeReturnTo(value: string | null | undefined): string;
  /** The session the request's cookie holds, or null (a cookie that does not open is deleted). */
  readSession(cookies: AuthContext['cookies']): Promise<Session | null>;
  /** Stores `session` in the sealed session cookie, for 30 days. */
  saveSession(cookies: AuthContext['cookies'], session: Session): Promise<void>;
  /** Signs the browser out of the app (not of ID: see `routes.signOut`). */
  clearSession(cookies: AuthContext['cookies']): void;
  /** The endpoints' logic, for `src/pages/auth/*`. */
  routes: {
    /** `GET /auth/sign-in?returnTo=/path`: off to ID, then back to that path on the app. */
    signIn(context: Pick<AuthContext, 'cookies' | 'url' | 'redirect'>): Promise<Response>;
    /**
     * `/auth/callback`: redeems ID's code, saves the session and redirects (303) to the return
     * path; or answers why it could not, for the app's page to say (with status 400).
     */
    callback(context: AuthContext): Promise<Response | SignInFailure>;
    /**
     * `POST /auth/sign-out`: out of the app at once, then of ID itself (which comes back to
     * `/`). A POST, which Astro's `checkOrigin` keeps other sites from sending.
     */
    signOut(context: Pick<AuthContext, 'cookies' | 'locals' | 'redirect'>): Promise<Response>;
  };
  /** Astro middleware: `locals.session` is the session or null on every request. */
  middleware(
    context: { cookies: AuthContext['cookies']; locals: SessionLocals; isPrerendered?: boolean },
    next: MiddlewareNext
  ): Promise<Response>;
  /**
   * The verified `sub`, `roles`, `permissions` and `clinics` of an access token (the one
   * `requireUser` answers), checked offline against ID's keys and revocation list.
   * @throws `AccessTokenError` of `@vixenhealth/sso/verify` when it is refused (`code`); an
   * opaque token (scope without `api`) is refused as `ERR_VH_TOKEN_INVALID`.
   */
  accessTokenClaims(accessToken: string): Promise<AccessTokenClaims>;
  /** The app's sealing of its cookies (tests use it to forge and read them). */
  sealer: Sealer;
  /** The cookies' names. */
  cookieNames: { session: string; signIn: string };
}

/**
 * One app's sign-in with VixenHealth ID: authorization code with PKCE, the session in a sealed
 * cookie, token refresh, sign-out, the session in `locals`, and the access token's claims.
 * Create it once, in the app's `src/lib/auth.ts`, and mount its pieces (see the README).
 * @throws TypeError when an option is wrong.
 *
 * @example
 * ```ts
 * export const auth = createIdWeb({
 *   clientId: 'docs',
 *   scope: 'openid email profile offline_access api',
 *   appUrl: () => new URL(process.env.DOCS_URL || 'http://localhost:4323'),
 *   issuer: () => new URL(process.env.ID_ISSUER || 'http://localhost:1337/id'),
 *   sessionSecret: () => process.env.DOCS_SESSION_SECRET,
 *   sessionSecretName: 'DOCS_SESSION_SECRET',
 *   cookiePrefix: 'vh_docs',
 * });
 * ```
 */
export const createIdWeb = (options: IdWebOptions): IdWeb => {
  const settings = resolveOptions(options);
  const cookieNames = {
    session: `${settings.cookiePrefix}_session`,
    signIn: `${settings.cookiePrefix}_sign_in`,
  };
  const sealer = createSealer({
    keyLabel: settings.clientId,
    secret: settings.sessionSecret,
    secretName: settings.sessionSecretName,
  });
  const sessions = createSessionCookie({
    name: cookieNames.session,
    sealer,
    appUrl: settings.appUrl,
  });
  const safe = (value: string | null | undefined) => safeReturnTo(value, settings.appUrl().origin);
  const parts = {
    id: createIdClient({ ...settings, callbackPath: CALLBACK_PATH }),
    sessions,
    pendingSignIns: createPendingSignIns({
      name: cookieNames.signIn,
      callbackPath: CALLBACK_PATH,
      sealer,
      appUrl: settings.appUrl,
    }),
    safeReturnTo: safe,
    signInPath: (returnTo: string) =>
      `${SIGN_IN_PATH}?returnTo=${encodeURIComponent(safe(returnTo))}`,
  };
  return {
    ...createGuard(parts),
    signInPath: parts.signInPath,
    safeReturnTo: safe,
    readSession: sessions.read,
    saveSession: sessions.save,
    clearSession: sessions.clear,
    routes: createRoutes(parts),
    middleware: createSessionMiddleware(sessions),
    accessTokenClaims: createClaimsReader({
      issuer: settings.issuer,
      audience: settings.apiAudience,
    }),
    sealer,
    cookieNames,
  };
};
