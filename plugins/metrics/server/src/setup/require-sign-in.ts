import type { Context, Next } from 'koa';

const SIGNED_IN_AREA = '/api/metrics/sites/';

/**
 * Answers 401 (sign in), not Strapi's 403 for the public role, to a dashboard request that came
 * without credentials.
 */
export const requireSignIn = async (ctx: Context, next: Next) => {
  if (ctx.path.startsWith(SIGNED_IN_AREA) && !ctx.get('authorization')) {
    ctx.status = 401;
    ctx.body = {
      data: null,
      error: {
        status: 401,
        name: 'UnauthorizedError',
        message: 'Sign in with VixenHealth ID to see the figures',
        details: {},
      },
    };
    return undefined;
  }
  return next();
};
