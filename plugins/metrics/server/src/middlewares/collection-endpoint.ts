import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

import type { Collector } from '../collection/collector';
import { CollectionError } from '../errors/http-answer';
import { readBody } from '../collection/read-body';
import { loadTrackerScript, type TrackerScript } from '../tracker/tracker-script';

export const EVENT_PATH = '/api/metrics/event';
export const SCRIPT_PATH = '/api/metrics/script.js';

const setCors = (ctx: Context, origin: string | null) => {
  ctx.vary('Origin');
  if (origin) ctx.set('Access-Control-Allow-Origin', origin);
};

const answerError = (ctx: Context, error: CollectionError) => {
  ctx.status = error.status;
  if (error.retryAfter !== null) ctx.set('Retry-After', String(error.retryAfter));
  ctx.body = error.toBody();
};

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
 * The collection endpoint and the tracker script, served by a Koa middleware the plugin adds in
 * its register phase: it runs before Strapi's configured middlewares (logger, errors, security,
 * cors, body parser, session) and its router, so a beacon costs only its own work. Those
 * middlewares are not needed here: this answers its own errors in Strapi's shape, sets its own
 * CORS headers, reads its own body with its own limit, and logs no request (no IP in logs).
 */
export const collectionEndpoint = (strapi: Core.Strapi, collector: () => Collector) => {
  let script: TrackerScript | null = null;

  return async (ctx: Context, next: Next) => {
    if (ctx.path === SCRIPT_PATH && (ctx.method === 'GET' || ctx.method === 'HEAD')) {
      script ??= loadTrackerScript();
      serveScript(ctx, script);
      return;
    }
    if (ctx.path !== EVENT_PATH) return next();

    const origin = ctx.get('Origin') || undefined;
    if (ctx.method === 'OPTIONS') {
      // Only `fetch` with application/json preflights; the tracker sends text/plain.
      setCors(ctx, origin && (await collector().knownOrigin(origin)) ? origin : null);
      ctx.set('Access-Control-Allow-Methods', 'POST, OPTIONS');
      ctx.set('Access-Control-Allow-Headers', 'Content-Type');
      ctx.set('Access-Control-Max-Age', '86400');
      ctx.status = 204;
      return;
    }
    if (ctx.method !== 'POST') {
      ctx.set('Allow', 'POST, OPTIONS');
      answerError(ctx, new CollectionError(405, 'method_not_allowed', 'Send events with POST'));
      return;
    }

    try {
      const outcome = await collector().collect({
        ip: ctx.request.ip,
        userAgent: ctx.get('User-Agent'),
        origin,
        doNotTrack: ctx.get('DNT') === '1' || ctx.get('Sec-GPC') === '1',
        contentType: ctx.get('Content-Type'),
        readBody: (limit) => readBody(ctx.req, limit),
      });
      setCors(ctx, outcome.origin);
      ctx.status = 202;
      // An empty body (Koa would otherwise write the status text).
      ctx.body = '';
    } catch (error) {
      if (!(error instanceof CollectionError)) {
        strapi.log.error(`metrics: an event was not collected: ${String(error)}`);
      }
      setCors(ctx, null);
      answerError(
        ctx,
        error instanceof CollectionError
          ? error
          : new CollectionError(500, 'internal', 'The event was not collected')
      );
    }
  };
};
