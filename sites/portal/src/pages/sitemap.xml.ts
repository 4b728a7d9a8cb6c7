import { sitemapXml } from '@vixenhealth/site-ui/sitemap';
import type { APIRoute } from 'astro';

import { cms, timeout } from '../lib/cms';
import { portalOrigin } from '../lib/config';

export const prerender = false;

const PAGE_SIZE = 100;

/** Every slug of published clinics or doctors, a page of the API at a time. */
const slugsOf = async (path: '/clinics' | '/doctors') => {
  const slugs: string[] = [];
  for (let page = 1; ; page += 1) {
    const { data } = await cms().get(path, {
      query: { fields: ['slug'], sort: ['slug:asc'], pagination: { page, pageSize: PAGE_SIZE } },
      signal: timeout(),
    });
    slugs.push(...(data ?? []).map((entry) => entry.slug));
    if ((data ?? []).length < PAGE_SIZE) return slugs;
  }
};

/** The directory, every clinic and every doctor, for search engines. */
export const GET: APIRoute = async () => {
  const [clinics, doctors] = await Promise.all([slugsOf('/clinics'), slugsOf('/doctors')]);
  const paths = [
    '/',
    '/clinics',
    ...clinics.map((slug) => `/clinics/${slug}`),
    ...doctors.map((slug) => `/doctors/${slug}`),
  ];
  const body = sitemapXml(paths, portalOrigin());
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
