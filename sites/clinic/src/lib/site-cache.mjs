// Shared by the server's pages (src/lib/clinics.ts) and the page cache in front of them
// (server/lib/cached-pages.mjs), which the build does not bundle together: plain JavaScript, so
// that Node loads it without a build.

/** How long a clinic lookup is kept, and a page rendered from one. */
export const SITE_CACHE_MS = 60_000;

/**
 * The diagnostics channel a purge of the clinic lookups is announced on, so that the pages
 * rendered from them go too. Channels are found by name, one per process: the bundled pages and
 * the server that loads them meet there without sharing a module instance.
 */
export const SITE_CACHE_PURGED = 'vixenhealth:clinic-sites:cache-purged';
