import type { APIRoute } from 'astro';

import { portalOrigin } from '../lib/config';

export const prerender = false;

/** Open to crawlers except sign-in, the cabinet and the review forms (one person's pages). */
export const GET: APIRoute = () =>
  new Response(
    [
      'User-agent: *',
      'Allow: /',
      'Disallow: /auth/',
      'Disallow: /cabinet',
      'Disallow: /clinics/*/review',
      'Disallow: /doctors/*/review',
      `Sitemap: ${portalOrigin()}/sitemap.xml`,
      '',
    ].join('\n'),
    { headers: { 'content-type': 'text/plain; charset=utf-8' } }
  );
