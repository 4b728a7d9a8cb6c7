import type { APIRoute } from 'astro';

import { pagesOf } from '../lib/clinic-pages';
import { currentClinic, siteOrigin } from '../lib/clinics';
import { cms, timeout } from '../lib/cms';

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);

/** Every page of the clinic the host names, for search engines. */
export const GET: APIRoute = async ({ request, url }) => {
  const clinic = await currentClinic(request);
  if (!clinic) return new Response('Not Found', { status: 404 });
  const doctors =
    (
      await cms().get('/doctors', {
        query: {
          filters: { clinics: { documentId: { $eq: clinic.documentId } } },
          fields: ['slug'],
          pagination: { pageSize: 100 },
        },
        signal: timeout(),
      })
    ).data ?? [];
  const paths = [
    '/',
    '/doctors',
    '/services',
    '/reviews',
    '/contacts',
    ...doctors.map((doctor) => `/doctors/${doctor.slug}`),
    ...(await pagesOf(clinic.documentId!)).map((page) => `/${page.slug}`),
  ];
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${paths.map((path) => `  <url><loc>${escapeXml(new URL(path, siteOrigin(request, url)).href)}</loc></url>`).join('\n')}
</urlset>
`;
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
