import type { Core } from '@strapi/strapi';

import { METRICS_LIMITS, PAGEVIEW, type MetricsEventInput } from '../../../shared/contracts';
import type { MetricsConfig } from '../config';
import { badField, CollectionError } from '../errors/http-answer';
import { getService } from '../services/get-service';
import { dayOf } from '../time/metrics-day';
import { validateCollectEventInput } from '../validation/event';
import { createCountryLookup } from './country';
import { createDailySalt } from './daily-salt';
import { createEventBuffer, type EventRow } from './event-buffer';
import { createRateLimits } from './rate-limits';
import { createSiteCache } from './site-cache';
import { createUserAgentParser } from './user-agent';
import { visitorId } from './visitor-id';

/** Events held in memory at most (about 30 MB): past it the endpoint answers 503. */
export const BUFFER_CAPACITY = 100_000;

/** What the collector needs of one HTTP request; the IP is used in memory only. */
export interface CollectRequest {
  ip: string;
  userAgent: string;
  /** The `Origin` header, when the browser sent one. */
  origin: string | undefined;
  doNotTrack: boolean;
  contentType: string;
  readBody(limit: number): Promise<string>;
}

export type CollectOutcome =
  /** Counted; `origin` is the checked origin CORS may name. */
  | { counted: number; origin: string | null }
  /** A bot, or a visitor asking not to be tracked: accepted, nothing counted. */
  | { counted: 0; origin: null; ignored: 'bot' | 'do-not-track' };

const ACCEPTED_TYPES = new Set(['', 'text/plain', 'application/json']);

const decodePath = (pathname: string) => {
  try {
    return decodeURI(pathname).slice(0, 1024);
  } catch {
    return pathname.slice(0, 1024);
  }
};

const clip = (value: string | null, length = 255) => (value ?? '').slice(0, length);

/**
 * Turns beacons into rows of `metrics_events`: checks the body, the site and its host, the rate
 * limits, then derives the visitor id, device, browser, OS, country, referrer host, UTM tags and
 * path, and hands the rows to the buffer. Props are checked but not stored.
 */
export const createCollector = (strapi: Core.Strapi) => {
  const config = strapi.config.get('plugin::metrics') as MetricsConfig;
  const db = () => strapi.db.connection;
  const sites = createSiteCache(() => getService(strapi, 'sites').get());
  const salts = createDailySalt(db);
  const userAgent = createUserAgentParser();
  const limits = createRateLimits(strapi, config);
  let country: ((ip: string) => string) | null = null;
  const buffer = createEventBuffer({
    db,
    intervalMs: config.flushIntervalMs,
    capacity: BUFFER_CAPACITY,
    onError: (error) => strapi.log.error(`metrics: events not written yet: ${String(error)}`),
  });

  // Days change on whole minutes in every time zone: one Intl call per minute, not per beacon.
  let dayCache = { minute: NaN, day: '' };
  const dayAt = (now: Date) => {
    const minute = Math.floor(now.getTime() / 60_000);
    if (minute !== dayCache.minute) dayCache = { minute, day: dayOf(now, config.timeZone) };
    return dayCache.day;
  };

  const rateLimited = (retryAfter: number, what: string) =>
    new CollectionError(429, 'rate_limited', `Too many events ${what}`, { retryAfter });

  /** The site of each event's domain, checking that the page and the origin are on it. */
  const checkSites = async (events: MetricsEventInput[], origin: string | undefined) => {
    const batch = events.length > 1;
    const originHost = origin && URL.canParse(origin) ? new URL(origin).hostname : null;
    const found = new Map<string, string>();
    for (const [index, event] of events.entries()) {
      const path = (field: string) => (batch ? [index, field] : [field]);
      let site = found.get(event.domain);
      if (!site) {
        const known = await sites.siteAt(event.domain);
        if (!known) throw badField(path('domain'), 'is not a site counted here');
        site = known.id;
        found.set(event.domain, site);
      }
      if (new URL(event.url).hostname !== event.domain) {
        throw new CollectionError(403, 'foreign_host', "The url is not on the event's domain", {
          path: path('url'),
        });
      }
      if (origin !== undefined && originHost !== event.domain) {
        throw new CollectionError(403, 'foreign_origin', "The request's origin is not the domain", {
          path: ['origin'],
        });
      }
    }
    return found;
  };

  return {
    async collect(request: CollectRequest): Promise<CollectOutcome> {
      const type = request.contentType.split(';')[0]!.trim().toLowerCase();
      if (!ACCEPTED_TYPES.has(type)) {
        throw new CollectionError(
          415,
          'unsupported_type',
          'Send JSON as text/plain or application/json',
          {
            path: ['content-type'],
          }
        );
      }
      if (request.doNotTrack) return { counted: 0, origin: null, ignored: 'do-not-track' };
      const agent = userAgent(request.userAgent);
      if (agent.bot) return { counted: 0, origin: null, ignored: 'bot' };

      const events = validateCollectEventInput(await request.readBody(METRICS_LIMITS.maxBodyBytes));

      const ipWait = await limits.perIp.take(request.ip, events.length);
      if (ipWait > 0) throw rateLimited(ipWait, 'from this address');

      const siteOf = await checkSites(events, request.origin);
      for (const site of new Set(siteOf.values())) {
        const count = events.filter((event) => siteOf.get(event.domain) === site).length;
        const siteWait = await limits.perSite.take(site, count);
        if (siteWait > 0) throw rateLimited(siteWait, 'for this site');
      }

      const now = getService(strapi, 'clock').now();
      const day = dayAt(now);
      const salt = await salts.saltOf(day);
      country ??= createCountryLookup();
      const where = country(request.ip);
      const rows = events.map((event): EventRow => {
        const site = siteOf.get(event.domain)!;
        const url = new URL(event.url);
        const referrerHost = event.referrer ? new URL(event.referrer).hostname : '';
        return {
          site,
          day,
          at: now.getTime(),
          visitor: visitorId(salt, site, request.ip, request.userAgent),
          name: event.name === PAGEVIEW ? PAGEVIEW : event.name,
          path: decodePath(url.pathname),
          // A visitor moving within the site came from nowhere new.
          referrer: referrerHost === event.domain ? '' : clip(referrerHost),
          utm_source: clip(url.searchParams.get('utm_source')),
          utm_medium: clip(url.searchParams.get('utm_medium')),
          utm_campaign: clip(url.searchParams.get('utm_campaign')),
          device: agent.device,
          browser: agent.browser,
          os: agent.os,
          country: where,
        };
      });
      if (!buffer.accept(rows)) {
        throw new CollectionError(
          503,
          buffer.closed ? 'shutting_down' : 'buffer_full',
          buffer.closed
            ? 'The server is shutting down'
            : 'Events are arriving faster than they are written',
          { retryAfter: 1 }
        );
      }
      return { counted: rows.length, origin: request.origin ?? null };
    },

    /** Whether a CORS preflight's origin is a site counted here. */
    async knownOrigin(origin: string): Promise<boolean> {
      if (!URL.canParse(origin)) return false;
      return (await sites.siteAt(new URL(origin).hostname)) !== null;
    },

    /** Loads the country database (8 MB, once) and starts the periodic writes. */
    start() {
      country ??= createCountryLookup();
      buffer.start();
    },
    /** Writes buffered events now (tests, shutdown). */
    flush: () => buffer.flush(),
    async close() {
      await buffer.close();
      await limits.close();
    },
    get buffered() {
      return buffer.size;
    },
  };
};

export type Collector = ReturnType<typeof createCollector>;
