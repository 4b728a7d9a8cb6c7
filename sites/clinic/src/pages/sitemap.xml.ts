import { sitemapXml } from '@vixenhealth/site-ui/sitemap';
import type { APIRoute } from 'astro';

import { currentClinic, siteOrigin } from '../lib/clinics';
import { sitePaths } from '../lib/site-paths';

/** Every page of the clinic the host names, for search engines (and the exporter). */
export const GET: APIRoute = async ({ request, url }) => {
  const clinic = await currentClinic(request);
  if (!clinic) return new Response('Not Found', { status: 404 });
  const body = sitemapXml(sitePaths(clinic), siteOrigin(request, url));
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
