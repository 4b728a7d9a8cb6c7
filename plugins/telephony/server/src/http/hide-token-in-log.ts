import type { Context, Next } from 'koa';

/**
 * Strapi's request log (`strapi::logger`) writes `ctx.url` once the answer is ready; a webhook's
 * last path segment is its integration's token, a credential, so the log gets a placeholder
 * instead. The route has read the token by then.
 */
export const hideTokenInLog = async (ctx: Context, next: Next) => {
  try {
    await next();
  } finally {
    ctx.path = ctx.path.replace(/[^/]+$/, ':token');
  }
};
