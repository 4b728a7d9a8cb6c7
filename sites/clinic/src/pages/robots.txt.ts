import type { APIRoute } from 'astro';

import { currentClinic } from '../lib/clinics';
import { siteOrigin } from '../lib/site-origin';

/** Open to every crawler, pointing at this clinic's sitemap. */
export const GET: APIRoute = async ({ request }) => {
  const clinic = await currentClinic(request);
  if (!clinic) return new Response('Not Found', { status: 404 });
  return new Response(
    `User-agent: *\nAllow: /\nSitemap: ${siteOrigin(request, clinic)}/sitemap.xml\n`,
    {
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    }
  );
};
