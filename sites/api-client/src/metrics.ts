import { cmsBaseUrl } from './env';

/**
 * Where browsers send visits: `METRICS_URL` (the collector's public origin, e.g.
 * `https://metrica.vixenhealth.ru`), else the CMS's public address (`PUBLIC_URL`), which serves
 * the collector too. No trailing slash.
 */
export const metricsOrigin = () =>
  new URL(process.env.METRICS_URL || process.env.PUBLIC_URL || cmsBaseUrl()).origin;

/**
 * The tracker's address, for `<script defer src>` on every page of the clinic sites and the
 * portal; it sends its beacons to the same origin.
 */
export const metricsScriptUrl = () => `${metricsOrigin()}/api/metrics/script.js`;
