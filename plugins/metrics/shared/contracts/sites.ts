/**
 * What the metrics know of a site, lent by the CMS (`cms/src/metrics-sites/`): the plugin
 * never reads clinics itself. A site is a clinic (its document id) or the portal (`portal`).
 */
export interface MetricsSite {
  /** The clinic's document id, or `portal`. */
  id: string;
  /** Its name, as dashboards title it. */
  name: string;
}

export interface MetricsSites {
  /** The site served at `host` (lower-case, no port), or null when no site lives there. */
  siteAt(host: string): Promise<MetricsSite | null>;
  /** The site `id` if the user owns or administers it (else null: not theirs, or no such site). */
  readableBy(userId: number, id: string): Promise<MetricsSite | null>;
  /** The site `id` if the user owns it: owners alone choose its retention and public link. */
  manageableBy(userId: number, id: string): Promise<MetricsSite | null>;
  /** The site `id`, for a dashboard shared by link; null when there is no such site. */
  find(id: string): Promise<MetricsSite | null>;
}

/** The portal's site id: its visits are the platform's, not a clinic's. */
export const PORTAL_SITE = 'portal';
