import type { APIRoute } from 'astro';

import { currentClinic, siteOrigin } from '../lib/clinics';
import { sitePaths } from '../lib/site-paths';

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);

/** Every page of the clinic the host names, for search engines (and the exporter). */
export const GET: APIRoute = async ({ request, url }) => {
  const clinic = await currentClinic(request);
  if (!clinic) return new Response('Not Found', { status: 404 });
  const origin = siteOrigin(request, url);
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${sitePaths(clinic)
  .map((path) => `  <url><loc>${escapeXml(new URL(path, origin).href)}</loc></url>`)
  .join('\n')}
</urlset>
`;
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
