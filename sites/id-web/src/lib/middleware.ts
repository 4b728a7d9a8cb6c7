import type { AstroCookies, MiddlewareNext } from 'astro';

import type { SessionLocals } from './context';
import type { SessionCookie } from './session';

/**
 * The middleware that opens the session cookie once per request into `locals.session` (the
 * session or null). No call to ID here: tokens are refreshed by `requireUser`, only where one
 * is needed. A page prerendered at build time has no visitor, hence no session (and its
 * request no headers to read).
 */
export const createSessionMiddleware =
  (sessions: SessionCookie) =>
  async (
    context: { cookies: AstroCookies; locals: SessionLocals; isPrerendered?: boolean },
    next: MiddlewareNext
  ): Promise<Response> => {
    context.locals.session = context.isPrerendered ? null : await sessions.read(context.cookies);
    return next();
  };
