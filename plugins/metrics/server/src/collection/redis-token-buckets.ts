import { createHmac } from 'node:crypto';

import type Redis from 'ioredis';

import { createTokenBuckets } from './token-buckets';

/**
 * One bucket, refilled and taken from atomically on Redis's clock, so every node shares it
 * whatever its own clock says. Answers 0 when granted, else the seconds until it would be.
 */
const TAKE_TOKENS = `
local capacity = tonumber(ARGV[1])
local perSecond = tonumber(ARGV[2])
local count = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) + tonumber(time[2]) / 1000000
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(bucket[1]) or capacity
local at = tonumber(bucket[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * perSecond)
local wait = 0
if tokens >= count then
  tokens = tokens - count
else
  wait = math.max(1, math.ceil((count - tokens) / perSecond))
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return wait
`;

/** Connection states in which Redis was lost; a connection still being opened is waited for. */
const AWAY = new Set(['reconnecting', 'close', 'end']);

type RedisWithTake = Redis & {
  vhMetricsTakeTokens(key: string, ...args: number[]): Promise<number>;
};

/** Token buckets every node shares: the same contract as `TokenBuckets`, answered by Redis. */
export interface SharedTokenBuckets {
  take(key: string, count: number): Promise<number>;
}

export interface SharedTokenBucketsOptions {
  redis: Redis;
  /** Names this set of buckets in Redis, after the platform's `REDIS_PREFIX`. */
  keyPrefix: string;
  /**
   * Keys (IP addresses) are stored as an HMAC under this secret, never as themselves: Redis
   * holds no address, and nobody without the secret can test one against it.
   */
  secret: string;
  capacity: number;
  perSecond: number;
  onError(message: string): void;
}

/**
 * Token buckets in Redis, so that a limit holds across CMS nodes instead of each node granting
 * its own. A bucket expires once it would be full again. When Redis does not answer, this
 * node's own buckets decide: beacons are neither all refused nor let through unlimited.
 */
export const createSharedTokenBuckets = ({
  redis,
  keyPrefix,
  secret,
  capacity,
  perSecond,
  onError,
}: SharedTokenBucketsOptions): SharedTokenBuckets => {
  if (!('vhMetricsTakeTokens' in redis)) {
    redis.defineCommand('vhMetricsTakeTokens', { numberOfKeys: 1, lua: TAKE_TOKENS });
  }
  const shared = redis as RedisWithTake;
  const local = createTokenBuckets(capacity, perSecond);
  const refillMs = Math.ceil((capacity / perSecond) * 1000) + 1000;
  return {
    async take(key, count) {
      // Known to be away: no beacon waits for it to come back.
      if (AWAY.has(redis.status)) return local.take(key, count);
      const hashed = createHmac('sha256', secret).update(key).digest('base64url');
      try {
        return Number(
          await shared.vhMetricsTakeTokens(
            `${keyPrefix}${hashed}`,
            capacity,
            perSecond,
            count,
            refillMs
          )
        );
      } catch (error) {
        onError((error as Error).message);
        return local.take(key, count);
      }
    },
  };
};
