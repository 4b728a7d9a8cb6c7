import type { Context, Next } from 'koa';

import { scrapeAccess } from './scrape-access';
import type { SystemRegistry } from './system-registry';

export const METRICS_PATH = '/metrics';

const refuse = (ctx: Context, status: 401 | 403, message: string) => {
  ctx.status = status;
  if (status === 401) ctx.set('WWW-Authenticate', 'Bearer realm="metrics"');
  const name = status === 401 ? 'UnauthorizedError' : 'ForbiddenError';
  // The shape of Strapi's errors: this answer comes before Strapi's error middleware runs.
  ctx.body = { data: null, error: { status, name, message, details: {} } };
};

/**
 * `GET /metrics` in Prometheus text format, answered before Strapi's own middlewares (admin
 * panel, static files, router) can claim the path. Who may read it: see `scrapeAccess`.
 */
export const serveMetrics =
  (system: SystemRegistry, token: () => string) =>
  async (ctx: Context, next: Next): Promise<void> => {
    if (ctx.path !== METRICS_PATH) return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      ctx.status = 405;
      ctx.set('Allow', 'GET, HEAD');
      return;
    }
    const access = scrapeAccess(token(), {
      authorization: ctx.get('authorization') || undefined,
      peerAddress: ctx.req.socket.remoteAddress,
      forwarded: Boolean(ctx.get('forwarded') || ctx.get('x-forwarded-for')),
    });
    if (access === 'unauthorized') return refuse(ctx, 401, 'A valid metrics token is required');
    if (access === 'forbidden') {
      return refuse(ctx, 403, 'System metrics are served to this machine only (set METRICS_TOKEN)');
    }
    ctx.set('Content-Type', system.registry.contentType);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await system.registry.metrics();
  };
