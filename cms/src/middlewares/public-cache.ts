import type { Core } from '@strapi/strapi';

import { publicCacheOf } from '../public-cache/public-cache';

/**
 * `global::public-cache` in config/middlewares.ts, right after the logger: a cached answer skips
 * every other middleware (it carries the headers they set on the fresh answer).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  publicCacheOf(strapi).middleware;
