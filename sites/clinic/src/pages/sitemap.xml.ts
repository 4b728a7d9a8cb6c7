import { sitemapXml } from '@vixenhealth/site-ui/sitemap';
import type { APIRoute } from 'astro';

import { currentClinic } from '../lib/clinics';
import { siteOrigin } from '../lib/site-origin';
import { sitePaths } from '../lib/site-paths';

/** Every page of the clinic the host names, for search engines (and the exporter). */
export const GET: APIRoute = async ({ request }) => {
  const clinic = await currentClinic(request);
  if (!clinic) return new Response('Not Found', { status: 404 });
  const body = sitemapXml(sitePaths(clinic), siteOrigin(request, clinic));
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
