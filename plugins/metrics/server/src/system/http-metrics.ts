import type { Context, Next } from 'koa';

import { UNMATCHED_ROUTE } from './metric-names';
import { METRICS_PATH } from './metrics-endpoint';
import type { SystemRegistry } from './system-registry';

/** Methods as labels; anything else (a scanner's `PROPFIND`) is `other`. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

interface RouterLayer {
  path: string | RegExp;
  methods: string[];
}

/**
 * The route's template, as the router matched it (`/api/clinics/:id`), never the raw URL: ids
 * and query strings would make a label set without bound, and could carry personal data. The
 * router also writes the paths of its middleware layers (`/api([^/]*)`) there as a request
 * passes them on its way to a 404: only a layer with methods, a route, counts.
 */
const routeOf = (ctx: Context) => {
  // Answered before the router, by `metrics-endpoint.ts`: Prometheus' own scrapes, named.
  if (ctx.path === METRICS_PATH) return METRICS_PATH;
  // Answered before the router by a middleware that knows the route (the CMS's public cache).
  const { routeTemplate } = ctx.state as { routeTemplate?: unknown };
  if (typeof routeTemplate === 'string') return routeTemplate;
  const { _matchedRoute: template, matched = [] } = ctx as Context & {
    _matchedRoute?: string | RegExp;
    matched?: RouterLayer[];
  };
  const isRoute =
    template !== undefined &&
    matched.some((layer) => layer.path === template && layer.methods.length > 0);
  return isRoute ? String(template) : UNMATCHED_ROUTE;
};

/** Counts one answered request: its time, and its error when it is one. */
export const recordRequest = (
  system: SystemRegistry,
  request: { method: string; route: string; status: number; seconds: number }
) => {
  const labels = {
    method: METHODS.has(request.method) ? request.method : 'other',
    route: request.route,
    status_class: `${Math.floor(request.status / 100)}xx`,
  };
  system.httpDuration.observe(labels, request.seconds);
  if (request.status >= 400) system.httpErrors.inc(labels);
};

const statusOf = (ctx: Context, error: unknown) => {
  if (error === undefined) return ctx.status;
  const status = (error as { status?: unknown; statusCode?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
};

/**
 * Times every request and counts its errors. Added first (in register), so it sees the status
 * Strapi's error middleware settled on, and the time of every middleware after it.
 */
export const measureHttp =
  (system: SystemRegistry) =>
  async (ctx: Context, next: Next): Promise<void> => {
    const started = process.hrtime.bigint();
    let failure: unknown;
    try {
      await next();
    } catch (error) {
      failure = error ?? new Error('thrown without a value');
      throw error;
    } finally {
      recordRequest(system, {
        method: ctx.method,
        route: routeOf(ctx),
        status: statusOf(ctx, failure),
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      });
    }
  };
