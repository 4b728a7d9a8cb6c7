import {
  clinicSiteOrigin,
  type ClinicAddress,
  type ClinicSitesConfig,
} from '@vixenhealth/cms/clinic-address';

import { portalConfig } from './config';

/** Where the portal's settings serve clinic sites. */
const configuredSites = (): ClinicSitesConfig => {
  const { sitesBaseDomain, clinicSitesPort } = portalConfig();
  return { baseDomain: sitesBaseDomain, port: clinicSitesPort };
};

/**
 * The address of a clinic's own site ({@link clinicSiteOrigin}): its own domain once verified
 * (always https), else `<subdomain>.<SITES_BASE_DOMAIN>`: over https, or in development
 * (`localhost`) over http on the clinic sites' port (`CLINIC_SITES_PORT`), as `npm start` serves
 * them. Null for a clinic with neither.
 *
 * @example
 * ```ts
 * clinicSiteUrl({ subdomain: 'lisya-tropa' }, { baseDomain: 'localhost', port: '4322' });
 * // → 'http://lisya-tropa.localhost:4322'
 * clinicSiteUrl(clinic); // where the portal's settings serve clinic sites
 * ```
 */
export const clinicSiteUrl = (
  clinic: ClinicAddress,
  sites: ClinicSitesConfig = configuredSites()
): string | null => clinicSiteOrigin(clinic, sites);
