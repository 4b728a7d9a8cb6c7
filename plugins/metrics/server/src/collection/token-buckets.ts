/**
 * Token buckets by key (an IP address, a site) held in memory: `capacity` tokens refilled at
 * `perSecond`. The map is bounded: past `maxKeys`, the least recently created keys are dropped
 * (a dropped key starts again full — an attacker rotating addresses gains nothing over what
 * the per-site bucket allows). Keys live only in this map and are never written anywhere.
 */
export interface TokenBuckets {
  /** Takes `count` tokens; returns 0 when granted, else the seconds until they would be. */
  take(key: string, count: number): number;
}

export const createTokenBuckets = (
  capacity: number,
  perSecond: number,
  maxKeys = 50_000,
  now: () => number = () => performance.now()
): TokenBuckets => {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, count) {
      const t = now();
      let bucket = buckets.get(key);
      if (bucket) {
        bucket.tokens = Math.min(capacity, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
        bucket.at = t;
      } else {
        if (buckets.size >= maxKeys) {
          const oldest = buckets.keys().next().value;
          if (oldest !== undefined) buckets.delete(oldest);
        }
        bucket = { tokens: capacity, at: t };
        buckets.set(key, bucket);
      }
      if (bucket.tokens >= count) {
        bucket.tokens -= count;
        return 0;
      }
      return Math.max(1, Math.ceil((count - bucket.tokens) / perSecond));
    },
  };
};
