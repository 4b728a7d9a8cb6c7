import { astroSite } from './astro-site.mjs';
import { PORTAL_SITE_DIR } from './paths.mjs';

const site = astroSite({
  dir: PORTAL_SITE_DIR,
  // The sign-in (`@vixenhealth/id-web`) is bundled into the portal too.
  sources: ['sites/portal/src', 'sites/portal/astro.config.mjs', 'sites/id-web/src'],
});

/**
 * Builds the portal's server (Astro, a few seconds) unless its build is up to date.
 * @param {() => void} [announce] called first when it builds
 */
export const ensurePortalBuilt = (announce) => site.ensureBuilt(announce);

/**
 * Serves the portal on `port`, reading the CMS at `cmsUrl`; `portalUrl` is where browsers reach
 * it, which ID knows as the portal's sign-in callback. The rest (ID_ISSUER,
 * PORTAL_SESSION_SECRET, SITES_BASE_DOMAIN, CLINIC_SITES_PORT) comes from `.env`.
 * @param {{ cmsUrl: string, port: number, portalUrl: string }} options
 */
export const startPortal = ({ cmsUrl, port, portalUrl }) =>
  site.start({ port, env: { CMS_URL: cmsUrl, PORTAL_URL: portalUrl } });
