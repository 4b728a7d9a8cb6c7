import type { MiddlewareHandler } from 'astro';

import { readSession } from './lib/session';

/**
 * Opens the session cookie once per request for every page (the header shows who is signed
 * in). No call to ID here: tokens are refreshed by `requireUser`, only where one is needed.
 */
export const onRequest: MiddlewareHandler = async (context, next) => {
  context.locals.session = await readSession(context.cookies);
  return next();
};
