import type { Core } from '@strapi/strapi';
import Redis from 'ioredis';

import type { MetricsConfig } from '../config';
import { createSharedTokenBuckets, type SharedTokenBuckets } from './redis-token-buckets';
import { createTokenBuckets, type TokenBuckets } from './token-buckets';

export interface RateLimits {
  perIp: TokenBuckets | SharedTokenBuckets;
  perSite: TokenBuckets | SharedTokenBuckets;
  close(): Promise<void>;
}

/**
 * The beacon limits (per address, per site): this node's own, or, when the platform has Redis
 * (`REDIS_URL`), shared by every node, so two nodes do not grant twice the limit.
 */
export const createRateLimits = (strapi: Core.Strapi, config: MetricsConfig): RateLimits => {
  const ipCapacity = config.ipEventsPerMinute;
  const siteCapacity = config.siteEventsPerSecond;
  if (!config.redisUrl) {
    return {
      perIp: createTokenBuckets(ipCapacity, ipCapacity / 60),
      perSite: createTokenBuckets(siteCapacity, siteCapacity),
      close: async () => {},
    };
  }
  // A beacon waits for Redis briefly (the timeout allows for a busy event loop), never for one
  // that is away: it is then decided locally.
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 2000 });
  let lastError = '';
  const onError = (message: string) => {
    // Once per kind of failure, not once per beacon.
    if (message !== lastError)
      strapi.log.warn(`metrics: shared rate limits unavailable: ${message}`);
    lastError = message;
  };
  redis.on('error', (error: Error) => onError(error.message));
  const secret = (strapi.config.get('server.app.keys') as string[]).join(',');
  const shared = (name: string, capacity: number, perSecond: number) =>
    createSharedTokenBuckets({
      redis,
      keyPrefix: `${config.redisPrefix}metrics:limit:${name}:`,
      secret,
      capacity,
      perSecond,
      onError,
    });
  return {
    perIp: shared('ip', ipCapacity, ipCapacity / 60),
    perSite: shared('site', siteCapacity, siteCapacity),
    close: () =>
      redis.quit().then(
        () => undefined,
        () => redis.disconnect()
      ),
  };
};
