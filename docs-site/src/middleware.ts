import type { MiddlewareHandler } from 'astro';

import { docsAuth } from './lib/sign-in';

/**
 * Pages rendered on request open the session cookie once; prerendered pages are the same for
 * everyone and never see one. Answers about a reader are theirs alone: never cached by others.
 */
export const onRequest: MiddlewareHandler = async (context, next) => {
  if (context.isPrerendered) return next();
  const response = await docsAuth.middleware(context, next);
  response.headers.set('Cache-Control', 'private, no-store');
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'same-origin');
  return response;
};
