import type { Context, Next } from 'koa';

import { loadTrackerScript, type TrackerScript } from '../tracker/tracker-script';

export const SCRIPT_PATH = '/api/metrics/script.js';

const serveScript = (ctx: Context, script: TrackerScript) => {
  ctx.set('Cache-Control', 'public, max-age=86400, stale-while-revalidate=604800');
  ctx.set('ETag', script.etag);
  ctx.set('X-Content-Type-Options', 'nosniff');
  // Sites on other origins load it.
  ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
  ctx.vary('Accept-Encoding');
  ctx.type = 'text/javascript; charset=utf-8';
  if (ctx.get('If-None-Match') === script.etag) {
    ctx.status = 304;
    return;
  }
  if (ctx.acceptsEncodings('gzip', 'identity') === 'gzip') {
    ctx.set('Content-Encoding', 'gzip');
    ctx.body = script.gzipped;
  } else {
    ctx.body = script.source;
  }
};

/**
 * The tracker script, served by a Koa middleware the plugin adds in its register phase, before
 * Strapi's configured middlewares: its security headers would forbid other origins to load it.
 */
export const trackerScript = () => {
  let script: TrackerScript | null = null;
  return async (ctx: Context, next: Next) => {
    if (ctx.path !== SCRIPT_PATH || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    script ??= loadTrackerScript();
    serveScript(ctx, script);
  };
};
