import type { APIContext } from 'astro';

import type { AuthContext } from './context';
import type { Parts } from './parts';

/** Why the callback could not sign the person in, for the app to say in its own words. */
export type SignInProblem =
  /** No sign-in was started in this browser, or it expired (30 minutes), or is not ours. */
  | 'stale'
  /** The person declined at ID (`error=access_denied`). */
  | 'cancelled'
  /** ID answered with another error, or refused the code. */
  | 'refused';

/** The callback's answer when it did not sign anyone in; the app renders it with status 400. */
export interface SignInFailure {
  problem: SignInProblem;
  /** The sign-in address to try again with, back to where the person was going. */
  retryPath: string;
}

/** The endpoints of signing in and out: `signIn` (GET), `callback` (a page's logic), `signOut` (POST). */
export const createRoutes = ({
  id,
  sessions,
  pendingSignIns,
  safeReturnTo,
  signInPath,
}: Parts) => ({
  async signIn({ cookies, url, redirect }: Pick<APIContext, 'cookies' | 'url' | 'redirect'>) {
    const { url: authorizationUrl, pending } = await id.startSignIn(
      safeReturnTo(url.searchParams.get('returnTo'))
    );
    await pendingSignIns.remember(cookies, pending);
    return redirect(authorizationUrl.href, 302);
  },

  async callback(context: AuthContext): Promise<Response | SignInFailure> {
    const pending = await pendingSignIns.take(context.cookies);
    // Back to a used callback (the browser's history) while signed in: nothing to finish.
    if (!pending && context.locals.session) return context.redirect('/', 303);
    const retryPath = signInPath(pending?.returnTo ?? '/');
    if (!pending) return { problem: 'stale', retryPath };
    const idError = context.url.searchParams.get('error');
    if (idError === 'access_denied') return { problem: 'cancelled', retryPath };
    if (idError) return { problem: 'refused', retryPath };
    try {
      const session = await id.finishSignIn(context.url.search, pending);
      await sessions.save(context.cookies, session);
      context.locals.session = session;
      // Checked again: a cookie sealed before a rule was added still holds what it held.
      return context.redirect(safeReturnTo(pending.returnTo), 303);
    } catch (error) {
      // The code only: never the tokens or who was signing in.
      console.warn(`Sign-in callback failed: ${(error as { code?: string }).code ?? 'error'}`);
      return { problem: 'refused', retryPath };
    }
  },

  async signOut({
    cookies,
    locals,
    redirect,
  }: Pick<AuthContext, 'cookies' | 'locals' | 'redirect'>) {
    const session = locals.session;
    sessions.clear(cookies);
    locals.session = null;
    if (!session) return redirect('/', 303);
    const idSignOut = await id.signOutAtId(session).catch(() => null);
    return redirect(idSignOut?.href ?? '/', 303);
  },
});
