import { channel } from 'node:diagnostics_channel';

import type { ReadResult } from '@vixenhealth/api-client';
import { clinicHostOf, clinicSitesFromEnv, type ClinicHost } from '@vixenhealth/cms/clinic-address';

import { cms, timeout } from './cms';
import { exportOf } from './export-request';
import { SITE_CACHE_MS, SITE_CACHE_PURGED } from './site-cache.mjs';

export type Clinic = NonNullable<ReadResult<'/clinics'>['data']>[number];

/**
 * A clinic's whole site but its reviews, read in one query: the clinic, its pages with their
 * blocks, its doctors and its prices. A site has tens of these, and a query per page would
 * cost the CMS far more than one larger answer, cached; only the reviews page asks again.
 */
const IMAGE_FIELDS = ['url', 'alternativeText', 'width', 'height', 'formats'];

const POPULATE = {
  phones: true,
  logo: { fields: IMAGE_FIELDS },
  photos: { fields: IMAGE_FIELDS },
  openingHours: true,
  pages: {
    sort: ['position:asc', 'title:asc'],
    populate: { body: { populate: '*' }, seo: true },
  },
  doctors: {
    sort: ['fullName:asc'],
    populate: { specialty: { fields: ['name'] }, photo: { fields: IMAGE_FIELDS } },
  },
  services: { sort: ['name:asc'] },
};

/**
 * Lookups by host, kept a minute: every page of a clinic asks. The promise is kept, so that pages
 * rendered at once share one read. Publishing purges them. An export's pages have entries of
 * their own, read afresh when the export starts.
 */
const cache = new Map<string, { clinic: Promise<Clinic | null>; until: number }>();

/**
 * Forgets cached lookups (a publish webhook calls this), and announces it: the pages rendered
 * from them, cached in front of Astro (server/lib/cached-pages.mjs), go at the same moment.
 */
export const purgeClinicCache = () => {
  cache.clear();
  channel(SITE_CACHE_PURGED).publish(undefined);
};

/** Drops expired lookups: hosts and exports come and go, the map must not grow with them. */
const forgetExpired = (now: number) => {
  for (const [key, entry] of cache) if (entry.until <= now) cache.delete(key);
};

/**
 * The published, active clinic `host` names, cached a minute under `scope`; else null. A clinic's
 * own domain names it only once verified: a domain it merely claims is an unknown host.
 */
const findClinic = (host: ClinicHost, scope: string): Promise<Clinic | null> => {
  const [field, value] =
    'subdomain' in host ? ['subdomain', host.subdomain] : ['verifiedDomain', host.customDomain];
  const key = `${scope}|${field}:${value}`;
  const now = Date.now();
  const cached = cache.get(key);
  if (cached && cached.until > now) return cached.clinic;
  forgetExpired(now);
  const clinic = cms()
    .get('/clinics', {
      query: { filters: { [field]: { $eq: value } }, populate: POPULATE },
      signal: timeout(),
    })
    .then(({ data }) => data?.[0] ?? null);
  cache.set(key, { clinic, until: now + SITE_CACHE_MS });
  // A failed read is not kept: the next page asks again.
  clinic.catch(() => cache.get(key)?.clinic === clinic && cache.delete(key));
  return clinic;
};

/** The published, active clinic a request's Host names, or null (an unknown host: 404). */
export const currentClinic = (request: Request): Promise<Clinic | null> => {
  const host = clinicHostOf(request.headers.get('host'), clinicSitesFromEnv().baseDomain);
  return host ? findClinic(host, exportOf(request)?.id ?? '') : Promise.resolve(null);
};
