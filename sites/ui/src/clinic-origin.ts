/**
 * Where clinic sites are published, from configuration alone: a request's Host or
 * X-Forwarded-* headers never decide the origin of a link (canonical, og:url, sitemap).
 */
export interface ClinicSitesConfig {
  /** Clinic sites live at `<subdomain>.<baseDomain>` (`SITES_BASE_DOMAIN`). */
  baseDomain: string;
  /** The port browsers reach them on in development (`CLINIC_SITES_PORT`). */
  port: string;
}

/** The clinic sites' settings from the environment (`.env`). */
export const clinicSitesFromEnv = (env: NodeJS.ProcessEnv = process.env): ClinicSitesConfig => ({
  baseDomain: env.SITES_BASE_DOMAIN || 'localhost',
  port: env.CLINIC_SITES_PORT || '4322',
});

/**
 * The origin of a clinic's site: its own domain, over https, once its owners proved it
 * (`verifiedDomain` as the CMS reports it), else `<subdomain>.<SITES_BASE_DOMAIN>`: over https on the standard port, or in
 * development (`localhost`) over http on the clinic sites' port. Null for a clinic with neither.
 *
 * @example
 * ```ts
 * clinicSiteOrigin({ subdomain: 'lisya-tropa' }, { baseDomain: 'localhost', port: '4322' });
 * // → 'http://lisya-tropa.localhost:4322'
 * clinicSiteOrigin({ subdomain: 'lisya-tropa', verifiedDomain: 'klinika-lisa.ru' }, sites);
 * // → 'https://klinika-lisa.ru'
 * ```
 */
export const clinicSiteOrigin = (
  clinic: { subdomain?: string | null; verifiedDomain?: string | null },
  { baseDomain, port }: ClinicSitesConfig
): string | null => {
  if (clinic.verifiedDomain) return `https://${clinic.verifiedDomain}`;
  if (!clinic.subdomain) return null;
  return baseDomain === 'localhost'
    ? `http://${clinic.subdomain}.localhost:${port}`
    : `https://${clinic.subdomain}.${baseDomain}`;
};
