import type { MiddlewareHandler } from 'astro';

import { portalAuth } from './lib/auth';
import { BodyTooLargeError, checkDeclaredSize } from './lib/bounded-form';
import { withSecurityHeaders } from './lib/security-headers';

/** Pages of one person whoever asks: signing in, the cabinet, and requests to support. */
const PERSONAL_PATHS = /^\/(?:auth|cabinet|support)(?:\/|$)/;

/** The 413 page: plain, since the request is not read any further (the connection is closed). */
const tooLarge = (error: BodyTooLargeError) =>
  new Response(
    `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Слишком большой запрос — VixenHealth</title></head><body><main><h1>Слишком большой запрос</h1><p>${error.message}</p><p><a href="/">На главную</a></p></main></body></html>`,
    {
      status: error.status,
      headers: { 'content-type': 'text/html; charset=utf-8', connection: 'close' },
    }
  );

/**
 * Every request: a body larger than its form may be is refused before it is read
 * (`bounded-form.ts` also cuts off one that streams past its limit); the session cookie is
 * opened once per request (the header shows who is signed in; no call to ID here: tokens are
 * refreshed by `requireUser`, only where one is needed); every answer gets the security headers.
 */
export const onRequest: MiddlewareHandler = async (context, next) => {
  const personal = () =>
    PERSONAL_PATHS.test(context.url.pathname) || context.locals.session !== null;
  let response: Response;
  try {
    if (context.request.method === 'POST') checkDeclaredSize(context.request, context.url.pathname);
    response = await portalAuth.middleware(context, next);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    response = tooLarge(error);
  }
  return withSecurityHeaders(response, { personal: personal() });
};
