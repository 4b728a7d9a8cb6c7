import type { AuthContext } from './context';
import type { Parts } from './parts';
import type { SessionUser } from './session';

/** A signed-in person and a valid access token for the CMS's API on their behalf. */
export interface SignedIn {
  user: SessionUser;
  accessToken: string;
}

/** Refresh a little early: the token must still be valid when the CMS reads it. */
const EXPIRY_MARGIN_MS = 30_000;

/** The guard of pages that need a signed-in person: `requireUser` and `signInAgain`. */
export const createGuard = ({ id, sessions, signInPath }: Parts) => {
  /** To sign in, then back to the page asked for (a POST comes back to it as a GET). */
  const signInHere = (context: AuthContext) =>
    context.redirect(signInPath(`${context.url.pathname}${context.url.search}`));

  const signInAgain = (context: AuthContext): Response => {
    sessions.clear(context.cookies);
    context.locals.session = null;
    return signInHere(context);
  };

  const requireUser = async (context: AuthContext): Promise<SignedIn | Response> => {
    let session = context.locals.session;
    if (!session) return signInHere(context);
    if (session.accessTokenExpiresAt - EXPIRY_MARGIN_MS <= Date.now()) {
      try {
        session = await id.refreshSession(session);
      } catch {
        // Revoked, expired or blocked at ID: this session is over.
        return signInAgain(context);
      }
      await sessions.save(context.cookies, session);
      context.locals.session = session;
    }
    return { user: session.user, accessToken: session.accessToken };
  };

  return { requireUser, signInAgain };
};
