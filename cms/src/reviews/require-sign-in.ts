import type { Context, Next } from 'koa';

/** What anyone may call on /api/reviews; everything else there needs a signed-in person. */
const ANONYMOUS = [
  { method: 'GET', path: /^\/api\/reviews\/?$/ },
  { method: 'GET', path: /^\/api\/reviews\/summary\/?$/ },
  { method: 'POST', path: /^\/api\/reviews\/advice\/?$/ },
  { method: 'GET', path: /^\/api\/reviews\/(?!mine(?:\/|$))[^/]+\/?$/ },
];

/**
 * Answers 401 (sign in), not 403, to a request without credentials for a reviews action that
 * needs them: Strapi would treat it as the public role and refuse with 403, which tells a
 * client to give up rather than to sign in.
 */
export const requireSignInForReviews = async (ctx: Context, next: Next) => {
  if (
    ctx.path.startsWith('/api/reviews') &&
    !ctx.get('authorization') &&
    !ANONYMOUS.some((rule) => rule.method === ctx.method && rule.path.test(ctx.path))
  ) {
    ctx.status = 401;
    ctx.body = {
      data: null,
      error: {
        status: 401,
        name: 'UnauthorizedError',
        message: 'Sign in with VixenHealth ID to do this',
        details: {},
      },
    };
    return undefined;
  }
  return next();
};
