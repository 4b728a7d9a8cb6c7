/** Where trackers and servers send events (answered ahead of Strapi's router). */
export const METRICS_EVENT_PATH = '/api/metrics/event';

/**
 * One event as a tracker or a server sends it to `POST /api/metrics/event`: the shape of
 * Plausible's Events API, so its trackers and server-side integrations can be pointed at us.
 * The body is one event or an array of them (a batch sent with `navigator.sendBeacon`).
 */
export interface MetricsEventInput {
  /** `pageview`, or a custom event's name ("Звонок", "appointment form sent"). */
  name: string;
  /** The page's full URL; its path is counted, its `utm_*` parameters are the campaign. */
  url: string;
  /** The site's domain as its visitors see it: a clinic's subdomain or its verified domain. */
  domain: string;
  /** `document.referrer`; only its host is kept. */
  referrer?: string | null;
  /** A custom event's properties: checked and size-limited, not stored (see the README). */
  props?: Record<string, string | number | boolean> | null;
}

/** Limits of the collection endpoint the trackers and the docs name. */
export const METRICS_LIMITS = {
  /** Bytes of one request body. */
  maxBodyBytes: 16 * 1024,
  /** Events in one batch. */
  maxBatch: 30,
  /** Characters of an event name. */
  maxNameLength: 120,
  /** Characters of a URL or a referrer. */
  maxUrlLength: 2048,
  /** Properties of one event, and characters of each key and value. */
  maxProps: 30,
  maxPropLength: 300,
} as const;

/** The name of a page view; every other name is a custom event. */
export const PAGEVIEW = 'pageview';
