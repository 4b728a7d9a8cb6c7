import type { APIContext } from 'astro';

import { refreshSession } from './id-client';
import { safeReturnTo } from './return-to';
import { clearSession, saveSession, type PortalUser } from './session';

/** What pages and endpoints alike offer (`Astro` in a page, the context in an endpoint). */
export type AuthContext = Pick<APIContext, 'cookies' | 'url' | 'locals' | 'redirect'>;

/** A signed-in person and a valid access token for the CMS's API on their behalf. */
export interface SignedIn {
  user: PortalUser;
  accessToken: string;
}

/** Refresh a little early: the token must still be valid when the CMS reads it. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * The portal's sign-in address, coming back to `returnTo` afterwards.
 *
 * @example
 * ```ts
 * <a href={signInPath(Astro.url.pathname)}>Войти</a>
 * ```
 */
export const signInPath = (returnTo: string) =>
  `/auth/sign-in?returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`;

/** To sign in, then back to the page asked for (a POST comes back to it as a GET). */
const signInHere = (context: AuthContext) =>
  context.redirect(signInPath(`${context.url.pathname}${context.url.search}`));

/**
 * Ends the portal's session and sends the person to sign in again: after ID refused to refresh
 * it, or the CMS refused its access token (401: the person was blocked, or signed out
 * everywhere).
 *
 * @example
 * ```ts
 * if (error instanceof CmsApiError && error.status === 401) return signInAgain(Astro);
 * ```
 */
export const signInAgain = (context: AuthContext): Response => {
  clearSession(context.cookies);
  context.locals.session = null;
  return signInHere(context);
};

/**
 * The signed-in person with a valid access token, refreshing it (and the session cookie) when
 * it has expired; or, for a visitor who is not signed in (or whose session ID no longer
 * honours), a redirect to sign in that comes back to this page. Return that redirect:
 *
 * @example
 * ```astro
 * ---
 * const auth = await requireUser(Astro);
 * if (auth instanceof Response) return auth;
 * const { user, accessToken } = auth;
 * ---
 * ```
 */
export const requireUser = async (context: AuthContext): Promise<SignedIn | Response> => {
  let session = context.locals.session;
  if (!session) return signInHere(context);
  if (session.accessTokenExpiresAt - EXPIRY_MARGIN_MS <= Date.now()) {
    try {
      session = await refreshSession(session);
    } catch {
      // Revoked, expired or blocked at ID: this session is over.
      return signInAgain(context);
    }
    await saveSession(context.cookies, session);
    context.locals.session = session;
  }
  return { user: session.user, accessToken: session.accessToken };
};
