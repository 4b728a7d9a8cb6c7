import { createCmsClient, type ReadResult } from '@vixenhealth/api-client';

import { clinicHostOf } from './clinic-host';

export type Clinic = NonNullable<ReadResult<'/clinics'>['data']>[number];

const CACHE_MS = 60_000;
const cms = () => createCmsClient({ baseUrl: process.env.CMS_URL ?? 'http://localhost:1337' });

/** Lookups by host, kept a minute: every page of a clinic asks. Publishing purges them. */
const cache = new Map<string, { clinic: Clinic | null; until: number }>();

/** Forgets cached lookups (a publish webhook calls this). */
export const purgeClinicCache = () => cache.clear();

/** The clinic a static build is for (`npm run build:clinic -- <slug>`); unset when serving. */
export const staticClinicSlug = (): string | undefined => process.env.STATIC_CLINIC || undefined;

/** The published, active clinic with `field` equal to `value`, cached a minute; else null. */
const findClinic = async (
  field: 'subdomain' | 'customDomain' | 'slug',
  value: string
): Promise<Clinic | null> => {
  const cacheKey = `${field}:${value}`;
  const cached = cache.get(cacheKey);
  if (cached && cached.until > Date.now()) return cached.clinic;
  const { data } = await cms().get('/clinics', {
    query: { filters: { [field]: { $eq: value } }, populate: ['phones', 'openingHours'] },
    signal: AbortSignal.timeout(5_000),
  });
  const clinic = data?.[0] ?? null;
  cache.set(cacheKey, { clinic, until: Date.now() + CACHE_MS });
  return clinic;
};

/** The published, active clinic a request's Host names, or null (an unknown host: 404). */
export const clinicForHost = async (host: string | null): Promise<Clinic | null> => {
  const key = clinicHostOf(host, process.env.SITES_BASE_DOMAIN ?? 'localhost');
  if (!key) return null;
  return 'subdomain' in key
    ? findClinic('subdomain', key.subdomain)
    : findClinic('customDomain', key.customDomain);
};

/**
 * The clinic a page renders: the one a static build is for, or else the one the request's Host
 * names. Pages call this, whichever way they are built.
 */
export const currentClinic = (request: Request): Promise<Clinic | null> => {
  const slug = staticClinicSlug();
  return slug ? findClinic('slug', slug) : clinicForHost(request.headers.get('host'));
};

/**
 * The origin the visitor used (`http://<subdomain>.localhost:4322`), for absolute links such as
 * the sitemap's: from the Host header, which {@link clinicForHost} has just accepted; for a
 * static build, the address it will be published at (`STATIC_SITE_URL`).
 */
export const siteOrigin = (request: Request, url: URL) =>
  staticClinicSlug()
    ? (process.env.STATIC_SITE_URL ?? url.origin).replace(/\/$/, '')
    : `${url.protocol}//${request.headers.get('host') ?? url.host}`;
