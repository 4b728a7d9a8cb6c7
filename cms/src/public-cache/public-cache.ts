import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

import { isCurrent, type AnswerStore, type Lookup } from './answer-store';
import { cacheKey } from './cache-key';
import { callerVisibility } from './caller-visibility';
import { cacheableRoutes } from './cacheable-routes';
import { readPublicCacheConfig } from './config';
import { etagOf, replayableHeaders, sendPublicAnswer } from './http-caching';
import { purgeOnWrite } from './invalidation';
import { memoryAnswerStore } from './memory-store';
import { redisAnswerStore } from './redis-store';

/** Answers bigger than this are sent, not kept: a cache of a few huge answers helps nobody. */
const MAX_CACHED_BYTES = 2 * 1024 * 1024;

const caches = new WeakMap<Core.Strapi, PublicCache>();

export interface PublicCache {
  middleware: (ctx: Context, next: Next) => Promise<void>;
  /** Purges answers that depend on `uids` (after the running transaction commits). */
  contentChanged(uids: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * The response cache of the public Content API: GETs of public reads, anonymous or with a Content
 * API token, are answered from memory (or Redis, shared by every node) until a write to a content
 * type they depend on purges them. Each caller class has answers of its own. Nothing personal is
 * cached: a request with any other credentials always reaches the controllers.
 */
const createPublicCache = (strapi: Core.Strapi): PublicCache => {
  const config = readPublicCacheConfig();
  const routes = cacheableRoutes(strapi);
  const store: AnswerStore = config.redisUrl
    ? redisAnswerStore(config.redisUrl, config.redisPrefix)
    : memoryAnswerStore(config.maxEntries);
  const purge = purgeOnWrite(strapi, store, routes.watchedTypes());
  const callers = callerVisibility(strapi);

  /** A store that fails (Redis down) costs speed, never an answer. */
  const tolerant = async <T>(what: string, action: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await action();
    } catch (error) {
      strapi.log.warn(`Public cache: ${what} failed: ${(error as Error).message}`);
      return undefined;
    }
  };

  const middleware = async (ctx: Context, next: Next) => {
    const route =
      config.enabled && (ctx.method === 'GET' || ctx.method === 'HEAD')
        ? routes.match(ctx.path)
        : undefined;
    if (!route) return next();
    const caller = await callers.of(ctx.get('authorization'));
    if (!caller) return next();
    const { tags } = route;
    const scope = caller.token ? 'private' : 'public';

    const key = cacheKey(caller.visibility, {
      path: ctx.path,
      querystring: ctx.querystring,
      origin: ctx.get('origin'),
    });
    const found: Lookup | undefined = await tolerant('lookup', () => store.lookup(key, tags));
    if (found?.answer && isCurrent(found.answer, found.versions)) {
      // The router never sees a hit: its request metrics are labelled with this route's template.
      (ctx.state as { routeTemplate?: string }).routeTemplate = route.template;
      if (caller.token) await callers.markUsed(caller.token);
      sendPublicAnswer(ctx, found.answer, config, 'HIT', scope);
      return;
    }

    await next();
    if (ctx.status !== 200 || !ctx.body || typeof ctx.body !== 'object') return;
    if (ctx.response.get('set-cookie')) return;
    const body = Buffer.from(JSON.stringify(ctx.body));
    const answer = {
      body,
      etag: etagOf(body),
      headers: replayableHeaders(ctx),
      versions: found?.versions ?? [],
    };
    const sameCaller = callers.authenticatedAs(ctx.state) === caller.visibility;
    if (found && sameCaller && body.length <= MAX_CACHED_BYTES) {
      await tolerant('save', () => store.save(key, answer));
    }
    sendPublicAnswer(ctx, answer, config, 'MISS', scope);
  };

  return {
    middleware,
    contentChanged: async (uids) => {
      for (const uid of uids) await purge(uid);
    },
    close: () => store.close(),
  };
};

/** Creates the cache and its invalidation once, at register; the middleware picks it up. */
export const registerPublicCache = (strapi: Core.Strapi) => {
  caches.set(strapi, createPublicCache(strapi));
};

export const publicCacheOf = (strapi: Core.Strapi): PublicCache => {
  const cache = caches.get(strapi);
  if (!cache) throw new Error('The public cache is used before registerPublicCache ran');
  return cache;
};

/**
 * Tells the public cache that rows of `uids` were written without Strapi's query engine (raw
 * knex), whose lifecycles would have told it. Call it inside the transaction that writes them.
 */
export const publicContentChanged = (strapi: Core.Strapi, ...uids: string[]) =>
  publicCacheOf(strapi).contentChanged(uids);

export const closePublicCache = async (strapi: Core.Strapi) => {
  await caches.get(strapi)?.close();
  caches.delete(strapi);
};
