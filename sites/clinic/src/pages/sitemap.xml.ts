import type { APIRoute } from 'astro';

import { doctorSlugsOf, pagesOf } from '../lib/clinic-pages';
import { currentClinic, siteOrigin } from '../lib/clinics';

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);

/** Every page of the clinic the host names, for search engines. */
export const GET: APIRoute = async ({ request, url }) => {
  const clinic = await currentClinic(request);
  if (!clinic) return new Response('Not Found', { status: 404 });
  const paths = [
    '/',
    '/doctors',
    '/services',
    '/reviews',
    '/contacts',
    ...(await doctorSlugsOf(clinic.documentId!)).map((slug) => `/doctors/${slug}`),
    ...(await pagesOf(clinic.documentId!)).map((page) => `/${page.slug}`),
  ];
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${paths.map((path) => `  <url><loc>${escapeXml(new URL(path, siteOrigin(request, url)).href)}</loc></url>`).join('\n')}
</urlset>
`;
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
