import type { AstroCookies, AstroCookieSetOptions } from 'astro';

import { portalConfig } from './config';
import { seal, unseal } from './sealed';

/** The cookie holding a signed-in person's session, encrypted (see {@link saveSession}). */
const SESSION_COOKIE = 'vh_session';

/** As long as ID's refresh tokens live: past that, signing in again is needed anyway. */
const SESSION_SECONDS = 30 * 24 * 60 * 60;

/** Browsers drop a cookie larger than about 4 KB without a word, signing the person out. */
const COOKIE_LIMIT = 4000;

/** The signed-in person, from ID's ID token. */
export interface PortalUser {
  /** Their stable id at VixenHealth ID (their `documentId` in the CMS). */
  sub: string;
  name: string;
  email: string | null;
}

/** A signed-in person and the tokens the portal calls the CMS with on their behalf. */
export interface Session {
  user: PortalUser;
  /** A VixenHealth ID access token (JWT, `api` scope) for the CMS's API. */
  accessToken: string;
  /** Exchanged for a new access token when this one expires; ID rotates it on every use. */
  refreshToken: string | null;
  /** When the access token expires, in milliseconds since the epoch. */
  accessTokenExpiresAt: number;
}

/**
 * Options of the portal's own cookies: out of scripts' reach, sent on top-level navigation
 * from other sites (the way back from ID) but not on their form posts, `secure` whenever the
 * portal is served over https.
 */
export const cookieOptions = (maxAge: number, path = '/'): AstroCookieSetOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  secure: portalConfig().portalUrl.protocol === 'https:',
  path,
  maxAge,
});

const isSession = (value: unknown): value is Session => {
  const session = value as Partial<Session> | null;
  return (
    typeof session?.user?.sub === 'string' &&
    typeof session.user.name === 'string' &&
    typeof session.accessToken === 'string' &&
    typeof session.accessTokenExpiresAt === 'number'
  );
};

/**
 * The session the request's cookie holds, or null when there is none: no cookie, or one that
 * does not open with the portal's secret (tampered, forged, expired, or from before the secret
 * changed), which is then deleted.
 *
 * @example
 * ```ts
 * const session = await readSession(Astro.cookies);
 * ```
 */
export const readSession = async (cookies: AstroCookies): Promise<Session | null> => {
  const value = cookies.get(SESSION_COOKIE)?.value;
  if (!value) return null;
  try {
    const { session } = await unseal(value, 'session');
    if (isSession(session)) return session;
  } catch {
    // Not ours, or no longer valid: the same as no session.
  }
  clearSession(cookies);
  return null;
};

/**
 * Stores `session` in the `vh_session` cookie, encrypted with `jose` (`dir` + `A256GCM`) under
 * `PORTAL_SESSION_SECRET`, for 30 days.
 *
 * @example
 * ```ts
 * await saveSession(Astro.cookies, session);
 * ```
 */
export const saveSession = async (cookies: AstroCookies, session: Session) => {
  const value = await seal({ session }, 'session', SESSION_SECONDS);
  if (value.length > COOKIE_LIMIT) {
    // Only sizes here: tokens and who they belong to are never logged.
    console.warn(`The portal's session cookie is ${value.length} bytes: browsers may drop it.`);
  }
  cookies.set(SESSION_COOKIE, value, cookieOptions(SESSION_SECONDS));
};

/** Signs the browser out of the portal (not out of ID: see `/auth/sign-out`). */
export const clearSession = (cookies: AstroCookies) => {
  cookies.delete(SESSION_COOKIE, { path: '/' });
};
