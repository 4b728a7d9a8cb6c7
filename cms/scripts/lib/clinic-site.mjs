import { createRequire } from 'node:module';
import path from 'node:path';

import { newestChange } from './cms-build.mjs';
import { CLINIC_SITE_DIR, ROOT_DIR } from './paths.mjs';
import { run, start } from './processes.mjs';

const ENTRY = path.join(CLINIC_SITE_DIR, 'dist', 'server', 'entry.mjs');
const SOURCES = [
  'sites/clinic/src',
  'sites/clinic/astro.config.mjs',
  'sites/api-client/src',
  'package-lock.json',
];

/** True when the clinic sites' server was never built, or its sources changed since. */
export const clinicSiteIsStale = () => {
  const builtAt = newestChange(ENTRY);
  return (
    builtAt === 0 || SOURCES.some((source) => newestChange(path.join(ROOT_DIR, source)) > builtAt)
  );
};

/** Runs `astro build` for the clinic sites with `env` added. */
const astroBuild = (env = {}) => {
  const astroDir = path.dirname(
    createRequire(path.join(CLINIC_SITE_DIR, 'package.json')).resolve('astro/package.json')
  );
  return run(process.execPath, [path.join(astroDir, 'astro.js'), 'build', '--silent'], {
    cwd: CLINIC_SITE_DIR,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
};

/** Builds the clinic sites' server (Astro, a few seconds). */
export const buildClinicSite = () => astroBuild();

/**
 * Builds one clinic's whole site as static files in `outDir`, read from the CMS at `cmsUrl`,
 * with absolute links (sitemap, robots.txt) to `siteUrl`.
 * @param {{ slug: string, cmsUrl: string, outDir: string, siteUrl: string }} options
 */
export const buildStaticClinic = ({ slug, cmsUrl, outDir, siteUrl }) =>
  astroBuild({
    STATIC_CLINIC: slug,
    STATIC_OUT_DIR: outDir,
    STATIC_SITE_URL: siteUrl,
    CMS_URL: cmsUrl,
  });

/**
 * Serves every clinic's site on `port`, each under `<subdomain>.<SITES_BASE_DOMAIN>` (by default
 * `localhost`, which browsers send to loopback) or its own domain, reading the CMS at `cmsUrl`.
 * @param {{ cmsUrl: string, port: number }} options
 */
export const startClinicSite = ({ cmsUrl, port }) =>
  start(process.execPath, [ENTRY], {
    cwd: CLINIC_SITE_DIR,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      CMS_URL: cmsUrl,
      SITES_BASE_DOMAIN: process.env.SITES_BASE_DOMAIN ?? 'localhost',
    },
  });
