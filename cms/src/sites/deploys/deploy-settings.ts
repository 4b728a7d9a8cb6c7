import path from 'node:path';

import { clinicSiteOrigin, clinicSitesFromEnv } from '../../clinic-address/index.mjs';

/** Where and how static deploys run, from the environment; null when deploys are off. */
export interface DeploySettings {
  /** Holds `sites/<subdomain>/releases/*`, `sites/<subdomain>/current` and `domains/<host>`. */
  dir: string;
  /** The exporter (sites/clinic) that renders one clinic's site into a folder. */
  exporter: string;
  /** How long to wait after a change for more changes to the same clinic. */
  debounceMs: number;
  /**
   * How long a node's claim on the deploy it builds lasts unless renewed (it renews it while it
   * builds): a deploy whose lease ran out is taken for interrupted, and built again elsewhere.
   */
  leaseMs: number;
  /** How often each node looks for a queued deploy that another node queued. */
  pollMs: number;
  /** Releases kept per clinic besides the live one, for a quick look back. */
  keepReleases: number;
  /** The public address of a clinic's static site, for canonical links and the sitemap. */
  siteUrl(clinic: { subdomain: string; verifiedDomain: string | null }): string;
  /** This CMS, as the exporter reads it (asked when a deploy runs: the port is known by then). */
  cmsUrl(): string;
}

/**
 * Deploys run when `SITE_DEPLOYS_DIR` is set (`npm start` sets it); tests and CMS-only setups
 * have none and build nothing.
 */
export const deploySettings = (
  { root, cmsPort }: { root: string; cmsPort: () => number },
  env: NodeJS.ProcessEnv = process.env
): DeploySettings | null => {
  if (!env.SITE_DEPLOYS_DIR) return null;
  return {
    dir: path.resolve(root, env.SITE_DEPLOYS_DIR),
    exporter: path.resolve(root, '../sites/clinic/server/export-clinic.mjs'),
    debounceMs: Number(env.SITE_DEPLOYS_DEBOUNCE_MS || 1500),
    leaseMs: Math.max(Number(env.SITE_DEPLOYS_LEASE_MS || 30_000), 1000),
    pollMs: Math.max(Number(env.SITE_DEPLOYS_POLL_MS || 1000), 50),
    keepReleases: 2,
    siteUrl: (clinic) =>
      clinicSiteOrigin(clinic, {
        baseDomain: clinicSitesFromEnv(env).baseDomain,
        port: env.STATIC_SITES_PORT,
      }),
    cmsUrl: () => `http://127.0.0.1:${cmsPort()}`,
  };
};
