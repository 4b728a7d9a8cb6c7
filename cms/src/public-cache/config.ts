/** How the public response cache runs, from the environment (`.env.example` documents each). */
export interface PublicCacheConfig {
  /** `PUBLIC_CACHE=off` answers every request from the database (for measuring, or debugging). */
  enabled: boolean;
  /** `REDIS_URL`: answers and their invalidation shared by every node; in memory without it. */
  redisUrl: string | undefined;
  /** `REDIS_PREFIX`: keeps platforms sharing one Redis apart; the nodes of one platform share it. */
  redisPrefix: string;
  /** How many answers one node keeps in memory (without Redis), least recently used dropped. */
  maxEntries: number;
  /** `Cache-Control` for a proxy or browser in front: `max-age` and `stale-while-revalidate`. */
  maxAgeSeconds: number;
  staleWhileRevalidateSeconds: number;
}

const nonNegativeInt = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number of 0 or more, got "${raw}"`);
  }
  return value;
};

export const readPublicCacheConfig = (): PublicCacheConfig => ({
  enabled: (process.env.PUBLIC_CACHE ?? 'on') !== 'off',
  redisUrl: process.env.REDIS_URL || undefined,
  redisPrefix: process.env.REDIS_PREFIX || 'vh:',
  maxEntries: nonNegativeInt('PUBLIC_CACHE_MAX_ENTRIES', 5000),
  maxAgeSeconds: nonNegativeInt('PUBLIC_API_MAX_AGE', 1),
  staleWhileRevalidateSeconds: nonNegativeInt('PUBLIC_API_STALE_WHILE_REVALIDATE', 60),
});
