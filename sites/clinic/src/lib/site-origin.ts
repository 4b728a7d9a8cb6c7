import {
  clinicHostOf,
  clinicSiteOrigin,
  clinicSitesFromEnv,
} from '@vixenhealth/cms/clinic-address';

import type { Clinic } from './clinics';
import { exportOf } from './export-request';

/**
 * The origin of a page's absolute links (canonical, og:url, sitemap, robots.txt), from
 * configuration: the clinic's verified own domain as the CMS reports it when the visitor came by it,
 * else its subdomain under `SITES_BASE_DOMAIN` with the configured scheme and port
 * (`CLINIC_SITES_PORT` in development); for an export, where its files will be published. Never
 * the Host header's port nor an X-Forwarded-* header: a link must not be a visitor's to choose.
 *
 * @example
 * ```ts
 * const canonical = new URL(Astro.url.pathname, siteOrigin(Astro.request, clinic)).href;
 * ```
 */
export const siteOrigin = (request: Request, clinic: Clinic): string => {
  const exported = exportOf(request);
  if (exported) return exported.siteUrl;
  const sites = clinicSitesFromEnv();
  const host = clinicHostOf(request.headers.get('host'), sites.baseDomain);
  const byOwnDomain = host !== null && 'customDomain' in host && Boolean(clinic.verifiedDomain);
  return clinicSiteOrigin(
    byOwnDomain ? { verifiedDomain: clinic.verifiedDomain } : { subdomain: clinic.subdomain },
    sites
  )!;
};
