import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import http from 'node:http';

import { SITE_CACHE_MS, SITE_CACHE_PURGED } from '../../src/lib/site-cache.mjs';
import { loadAstroHandler } from './astro-handler.mjs';
import { cachePages } from './cached-pages.mjs';
import { createPageCache } from './page-cache.mjs';
import { withSiteHeaders } from './site-headers.mjs';
import { ignoreUntrustedForwarding } from './trusted-proxies.mjs';

/**
 * Every clinic's site, as visitors get it: the build's handler behind a page cache, purged
 * whenever the pages purge their clinic lookups (the CMS's publish webhook), listening on
 * `host`:`port` (0: a free port). 5,000 pages are a few hundred clinics' whole sites.
 * @param {{ host: string, port: number }} options
 * @returns {Promise<http.Server>}
 */
export const startClinicSitesServer = async ({ host, port }) => {
  const cache = createPageCache({
    maxEntries: 5_000,
    maxBytes: 64 * 2 ** 20,
    ttlMs: SITE_CACHE_MS,
  });
  const server = http.createServer(
    withSiteHeaders(ignoreUntrustedForwarding(cachePages(await loadAstroHandler(), cache)))
  );
  const purge = () => cache.clear();
  subscribe(SITE_CACHE_PURGED, purge);
  server.on('close', () => unsubscribe(SITE_CACHE_PURGED, purge));
  await new Promise((resolve, reject) => {
    server.once('error', reject).listen(port, host, () => resolve(undefined));
  });
  return server;
};
