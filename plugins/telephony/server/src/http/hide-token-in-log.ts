import type { Context, Next } from 'koa';

/**
 * Strapi's request log (`strapi::logger`) writes `ctx.url` once the answer is ready; a webhook's
 * path holds its integration's token, a credential, so the log gets a placeholder instead. The
 * route has read the token by then.
 */
export const hideTokenInLog = async (ctx: Context, next: Next) => {
  try {
    await next();
  } finally {
    const token = (ctx.params as { token?: string } | undefined)?.token;
    if (token) ctx.path = ctx.path.split(encodeURIComponent(token)).join(':token');
  }
};
