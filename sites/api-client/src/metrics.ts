/**
 * Where browsers send visits: `METRICS_URL` (the collector's public origin, e.g.
 * `https://metrica.vixenhealth.ru`), else the CMS's public address (`PUBLIC_URL`), which serves
 * the collector too. Null when neither is set: the internal `CMS_URL` is no address for
 * browsers, and a static export must not point at the machine that built it.
 */
export const metricsOrigin = (): string | null => {
  const origin = process.env.METRICS_URL || process.env.PUBLIC_URL;
  return origin ? new URL(origin).origin : null;
};

/**
 * The tracker's address, for `<script defer src>` on every page of the clinic sites and the
 * portal (it sends its beacons to the same origin); null when no public origin is configured.
 */
export const metricsScriptUrl = (): string | null => {
  const origin = metricsOrigin();
  return origin && `${origin}/api/metrics/script.js`;
};
