/**
 * @typedef {object} ClinicSitesConfig Where clinic sites are published, from configuration
 *   alone: a request's Host or X-Forwarded-* headers never decide the origin of a link.
 * @property {string} baseDomain clinic sites live at `<subdomain>.<baseDomain>` (`SITES_BASE_DOMAIN`)
 * @property {string} [port] the port browsers reach them on in development (`localhost`)
 */

/**
 * @typedef {object} ClinicAddress What a clinic's address is made of, as the CMS reports it.
 * @property {string | null} [subdomain]
 * @property {string | null} [verifiedDomain] its own domain, once its owners proved it theirs
 */

/**
 * The clinic sites' settings from the environment: `SITES_BASE_DOMAIN` (default `localhost`)
 * and `CLINIC_SITES_PORT` (default 4322, where `npm start` serves them).
 * @param {Record<string, string | undefined>} [env]
 * @returns {Required<ClinicSitesConfig>}
 */
export const clinicSitesFromEnv = (env = process.env) => ({
  baseDomain: env.SITES_BASE_DOMAIN || 'localhost',
  port: env.CLINIC_SITES_PORT || '4322',
});

/**
 * The origin of a clinic's site: its own domain, over https, once its owners proved it (a
 * domain they only named is never linked), else `<subdomain>.<baseDomain>`: over https on the
 * standard port, or in development (`localhost`, which browsers send to loopback) over http on
 * `port`. Null for a clinic with neither.
 *
 * @example
 * ```js
 * clinicSiteOrigin({ subdomain: 'lisya-tropa' }, { baseDomain: 'localhost', port: '4322' });
 * // → 'http://lisya-tropa.localhost:4322'
 * clinicSiteOrigin({ subdomain: 'lisya-tropa' }, { baseDomain: 'vixenhealth.ru' });
 * // → 'https://lisya-tropa.vixenhealth.ru'
 * clinicSiteOrigin({ subdomain: 'lisya-tropa', verifiedDomain: 'klinika-lisa.ru' }, sites);
 * // → 'https://klinika-lisa.ru'
 * ```
 * @overload
 * @param {{ subdomain: string, verifiedDomain?: string | null }} clinic
 * @param {ClinicSitesConfig} sites
 * @returns {string}
 */
/**
 * @overload
 * @param {ClinicAddress} clinic
 * @param {ClinicSitesConfig} sites
 * @returns {string | null}
 */
/**
 * @param {ClinicAddress} clinic
 * @param {ClinicSitesConfig} sites
 * @returns {string | null}
 */
export const clinicSiteOrigin = (clinic, { baseDomain, port }) => {
  if (clinic.verifiedDomain) return `https://${clinic.verifiedDomain}`;
  if (!clinic.subdomain) return null;
  return baseDomain === 'localhost'
    ? `http://${clinic.subdomain}.localhost${port ? `:${port}` : ''}`
    : `https://${clinic.subdomain}.${baseDomain}`;
};
