import type { APIRoute } from 'astro';

import { cmsBaseUrl } from '@vixenhealth/api-client';

import { requireUser } from '../../../../lib/auth';

export const prerender = false;

/** Headers of the CMS's answer the download keeps. */
const PASSED = ['content-type', 'content-disposition', 'content-length'];

/**
 * The CSV of a clinic's dashboard: the CMS's own file, fetched with the person's token and
 * streamed through, so the portal adds nothing and the CMS decides who may have it. Not through
 * the typed client: it reads JSON, and this is a file passed on as it comes.
 */
export const GET: APIRoute = async (context) => {
  const auth = await requireUser(context);
  if (auth instanceof Response) return auth;
  const id = encodeURIComponent(context.params.id ?? '');
  const upstream = await fetch(
    `${cmsBaseUrl()}/api/metrics/sites/${id}/stats.csv${context.url.search}`,
    {
      headers: { authorization: `Bearer ${auth.accessToken}` },
      signal: AbortSignal.timeout(30_000),
    }
  );
  if (!upstream.ok || !upstream.body) {
    await upstream.body?.cancel();
    const status = upstream.status === 400 ? 400 : upstream.status === 401 ? 401 : 404;
    return new Response(status === 400 ? 'Период указан неверно.' : 'Не найдено.', {
      status,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const headers = new Headers({ 'cache-control': 'private, no-store' });
  for (const name of PASSED) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: 200, headers });
};
