import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SITE_DIR = path.resolve(import.meta.dirname, '..', '..');
/** The build's server entry (`@astrojs/node`, standalone). */
export const ENTRY = path.join(SITE_DIR, 'dist', 'server', 'entry.mjs');
/** The build's client files (public/ and `_astro/`), which its handler serves and a static site carries along. */
export const CLIENT_DIR = path.join(SITE_DIR, 'dist', 'client');

/**
 * The build's request handler (static files, then Astro's pages), loaded into this process
 * without the server the entry would otherwise start. Its pages read their settings from the
 * environment as they render (`CMS_URL`, `SITES_BASE_DOMAIN`, `SITES_WEBHOOK_TOKEN`).
 * @returns {Promise<import('node:http').RequestListener>}
 */
export const loadAstroHandler = async () => {
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  /** @type {{ handler: import('node:http').RequestListener }} */
  const { handler } = await import(pathToFileURL(ENTRY).href);
  return handler;
};
