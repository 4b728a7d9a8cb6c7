import path from 'node:path';

import { astroSite } from './astro-site.mjs';
import { CLINIC_SITE_DIR } from './paths.mjs';

const site = astroSite({
  dir: CLINIC_SITE_DIR,
  sources: ['sites/clinic/src', 'sites/clinic/astro.config.mjs', 'sites/clinic/public'],
  // The build behind its page cache (sites/README.md).
  server: path.join(CLINIC_SITE_DIR, 'server', 'serve.mjs'),
});

/**
 * Builds the clinic sites' server (Astro, a few seconds) unless its build is up to date.
 * @param {() => void} [announce] called first when it builds
 */
export const ensureClinicSiteBuilt = (announce) => site.ensureBuilt(announce);

/**
 * Serves every clinic's site on `port`, each under `<subdomain>.<SITES_BASE_DOMAIN>` (by default
 * `localhost`, which browsers send to loopback) or its own domain, reading the CMS at `cmsUrl`;
 * `env` adds settings (a test's webhook token, portal or media address).
 * @param {{ cmsUrl: string, port: number, env?: Record<string, string> }} options
 */
export const startClinicSite = ({ cmsUrl, port, env = {} }) =>
  site.start({
    port,
    env: {
      CMS_URL: cmsUrl,
      SITES_BASE_DOMAIN: process.env.SITES_BASE_DOMAIN ?? 'localhost',
      // Where browsers reach them in development: the origin of their links (canonical, sitemap).
      CLINIC_SITES_PORT: String(port),
      ...env,
    },
  });
