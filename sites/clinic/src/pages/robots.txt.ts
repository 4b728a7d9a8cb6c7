import type { APIRoute } from 'astro';

import { currentClinic, siteOrigin } from '../lib/clinics';

/** Open to every crawler, pointing at this clinic's sitemap. */
export const GET: APIRoute = async ({ request, url }) => {
  const clinic = await currentClinic(request);
  if (!clinic) return new Response('Not Found', { status: 404 });
  return new Response(
    `User-agent: *\nAllow: /\nSitemap: ${siteOrigin(request, url)}/sitemap.xml\n`,
    {
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    }
  );
};
