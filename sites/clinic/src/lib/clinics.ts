import { createCmsClient, type ReadResult } from '@vixenhealth/api-client';

import { clinicHostOf } from './clinic-host';

export type Clinic = NonNullable<ReadResult<'/clinics'>['data']>[number];

const CACHE_MS = 60_000;
const cms = () => createCmsClient({ baseUrl: process.env.CMS_URL ?? 'http://localhost:1337' });

/** Lookups by host, kept a minute: every page of a clinic asks. Publishing purges them. */
const cache = new Map<string, { clinic: Clinic | null; until: number }>();

/** Forgets cached lookups (a publish webhook calls this). */
export const purgeClinicCache = () => cache.clear();

/** The published, active clinic a request's Host names, or null (an unknown host: 404). */
export const clinicForHost = async (host: string | null): Promise<Clinic | null> => {
  const key = clinicHostOf(host, process.env.SITES_BASE_DOMAIN ?? 'localhost');
  if (!key) return null;
  const cacheKey = JSON.stringify(key);
  const cached = cache.get(cacheKey);
  if (cached && cached.until > Date.now()) return cached.clinic;

  const field = 'subdomain' in key ? 'subdomain' : 'customDomain';
  const value = 'subdomain' in key ? key.subdomain : key.customDomain;
  const { data } = await cms().get('/clinics', {
    query: { filters: { [field]: { $eq: value } }, populate: ['phones', 'openingHours'] },
    signal: AbortSignal.timeout(5_000),
  });
  const clinic = data?.[0] ?? null;
  cache.set(cacheKey, { clinic, until: Date.now() + CACHE_MS });
  return clinic;
};

/**
 * The origin the visitor used (`http://<subdomain>.localhost:4322`), for absolute links such as
 * the sitemap's: from the Host header, which {@link clinicForHost} has just accepted.
 */
export const siteOrigin = (request: Request, url: URL) =>
  `${url.protocol}//${request.headers.get('host') ?? url.host}`;
