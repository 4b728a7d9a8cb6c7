import type { MetricsSite, MetricsSites } from '../../../shared/contracts';

/**
 * `siteAt` with a short memory: every beacon names its domain, and the lookup is a database
 * query. A found site is remembered `ttlMs`, an unknown host a sixth of that (a clinic just
 * published is counted soon). Concurrent lookups of one host share a query; the map is bounded.
 */
export const createSiteCache = (
  sites: () => MetricsSites,
  { ttlMs = 60_000, maxHosts = 10_000, now = () => Date.now() } = {}
) => {
  const entries = new Map<string, { site: Promise<MetricsSite | null>; until: number }>();
  return {
    siteAt(host: string): Promise<MetricsSite | null> {
      const t = now();
      const known = entries.get(host);
      if (known && known.until > t) return known.site;
      if (known) entries.delete(host);
      if (entries.size >= maxHosts) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      const entry = { site: sites().siteAt(host), until: t + ttlMs };
      entries.set(host, entry);
      entry.site.then(
        (site) => {
          if (!site) entry.until = t + ttlMs / 6;
        },
        () => entries.delete(host)
      );
      return entry.site;
    },
    clear() {
      entries.clear();
    },
  };
};
