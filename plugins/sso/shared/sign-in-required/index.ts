import type { Context, Next } from 'koa';

/**
 * A Koa middleware that answers 401 (sign in with VixenHealth ID), not Strapi's 403 for the
 * public role, to a request under `area` that came without credentials: a 403 would tell a
 * client that signing in cannot help. The plugins whose routes all need a signed-in person
 * (Support's requests, the metrics' dashboards) add it in their register phase.
 *
 * @example
 * ```ts
 * strapi.server.use(signInRequired('/api/support/tickets', 'Sign in with VixenHealth ID to write to Support'));
 * ```
 */
export const signInRequired =
  (area: string, message: string) =>
  async (ctx: Context, next: Next): Promise<unknown> => {
    if (ctx.path.startsWith(area) && !ctx.get('authorization')) {
      ctx.status = 401;
      ctx.body = {
        data: null,
        error: { status: 401, name: 'UnauthorizedError', message, details: {} },
      };
      return undefined;
    }
    return next();
  };
