import type { AstroCookies, AstroCookieSetOptions } from 'astro';

import type { Sealer } from './sealed';

/** As long as ID's refresh tokens live: past that, signing in again is needed anyway. */
const SESSION_SECONDS = 30 * 24 * 60 * 60;

/** Browsers drop a cookie larger than about 4 KB without a word, signing the person out. */
const COOKIE_LIMIT = 4000;

/** The signed-in person, from ID's ID token. */
export interface SessionUser {
  /** Their stable id at VixenHealth ID (their `documentId` in the CMS). */
  sub: string;
  name: string;
  email: string | null;
  /**
   * Staff acting as this person (support's impersonation, the ID token's `act`), and when that
   * ends (ms since the epoch): every page shows it. Absent or null in the person's own session.
   */
  actor?: SessionActor | null;
}

/** Who really acts in an impersonated session, and until when. */
export interface SessionActor {
  sub: string;
  email: string;
  until: number;
}

/** A signed-in person and the tokens the app calls the CMS with on their behalf. */
export interface Session {
  user: SessionUser;
  /** A VixenHealth ID access token (a JWT when the scope has `api`). */
  accessToken: string;
  /** Exchanged for a new access token when this one expires; ID rotates it on every use. */
  refreshToken: string | null;
  /** When the access token expires, in milliseconds since the epoch. */
  accessTokenExpiresAt: number;
}

/** Reads, saves and clears the session cookie; made by {@link createSessionCookie}. */
export interface SessionCookie {
  /**
   * The session the request's cookie holds, or null when there is none: no cookie, or one that
   * does not open with the app's secret (tampered, forged, expired, or from before the secret
   * changed), which is then deleted.
   */
  read(cookies: AstroCookies): Promise<Session | null>;
  /** Stores `session`, encrypted (`dir` + `A256GCM`) under the app's secret, for 30 days. */
  save(cookies: AstroCookies, session: Session): Promise<void>;
  /** Signs the browser out of the app (not out of ID: see the `signOut` route). */
  clear(cookies: AstroCookies): void;
}

/**
 * Options of the app's own cookies: out of scripts' reach, sent on top-level navigation from
 * other sites (the way back from ID) but not on their form posts, `secure` whenever the app is
 * served over https.
 */
export const cookieOptions = (appUrl: URL, maxAge: number, path = '/'): AstroCookieSetOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  secure: appUrl.protocol === 'https:',
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

/** The session cookie `name`, sealed by `sealer`, for the app at `appUrl()`. */
export const createSessionCookie = ({
  name,
  sealer,
  appUrl,
}: {
  name: string;
  sealer: Sealer;
  appUrl: () => URL;
}): SessionCookie => {
  const clear = (cookies: AstroCookies) => {
    cookies.delete(name, { path: '/' });
  };
  return {
    async read(cookies) {
      const value = cookies.get(name)?.value;
      if (!value) return null;
      try {
        const { session } = await sealer.unseal(value, 'session');
        if (isSession(session)) return session;
      } catch {
        // Not ours, or no longer valid: the same as no session.
      }
      clear(cookies);
      return null;
    },
    async save(cookies, session) {
      const value = await sealer.seal({ session }, 'session', SESSION_SECONDS);
      if (value.length > COOKIE_LIMIT) {
        // Only sizes here: tokens and who they belong to are never logged.
        console.warn(`The session cookie ${name} is ${value.length} bytes: browsers may drop it.`);
      }
      cookies.set(name, value, cookieOptions(appUrl(), SESSION_SECONDS));
    },
    clear,
  };
};
