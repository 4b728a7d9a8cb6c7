import { createHash } from 'node:crypto';

import type { Context } from 'koa';

import type { PublicCacheConfig } from './config';

/** A strong validator of the exact bytes of an answer. */
export const etagOf = (body: Buffer) =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** Headers of a response that belong to that response only, never replayed from the cache. */
const PER_RESPONSE = new Set([
  'connection',
  'content-length',
  'date',
  'etag',
  'cache-control',
  'keep-alive',
  'set-cookie',
  'transfer-encoding',
  'x-cache',
]);

/** The headers the middlewares set on a fresh answer, to give every cached copy of it. */
export const replayableHeaders = (ctx: Context): Record<string, string> =>
  Object.fromEntries(
    Object.entries(ctx.response.headers)
      .filter(([name, value]) => !PER_RESPONSE.has(name) && typeof value === 'string')
      .map(([name, value]) => [name, value as string])
  );

/** Whether the client's `If-None-Match` names this answer (or `*`). */
const clientHas = (ctx: Context, etag: string) => {
  const header = ctx.get('if-none-match');
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
};

/**
 * Sends a cached or cacheable answer with the headers that let a browser, nginx or a CDN keep it:
 * a strong `ETag` (answering `304` to a client that has it) and `Cache-Control` with
 * `stale-while-revalidate`. `Vary: Authorization`: a signed-in caller's answer may differ. An API
 * token's answer is `private`: a shared cache in front must not keep what only tokens may read.
 */
export const sendPublicAnswer = (
  ctx: Context,
  answer: { body: Buffer; etag: string; headers: Record<string, string> },
  config: PublicCacheConfig,
  cacheState: 'HIT' | 'MISS',
  scope: 'public' | 'private'
) => {
  ctx.set(answer.headers);
  ctx.set('ETag', answer.etag);
  ctx.set(
    'Cache-Control',
    `${scope}, max-age=${config.maxAgeSeconds}, stale-while-revalidate=${config.staleWhileRevalidateSeconds}`
  );
  ctx.vary('Authorization');
  ctx.set('X-Cache', cacheState);
  if (clientHas(ctx, answer.etag)) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.status = 200;
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = answer.body;
};
