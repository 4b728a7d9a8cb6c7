/**
 * Static deploys of clinic sites as every UI sees them (the admin panel, the owner's cabinet):
 * plain data, no Koa.
 *
 * queued → building → live | failed; `offline` when the clinic is no longer public and its
 * site was taken down. A clinic has at most one deploy `queued` (changes heard meanwhile, on any
 * CMS node, join it) and one `building`; a deploy whose node stopped while building it is
 * `failed` (its log says it was interrupted), and the clinic is queued again.
 */
export type DeployStatus = 'queued' | 'building' | 'live' | 'failed' | 'offline';

/** The statuses of a deploy that has not finished. */
export const RUNNING_DEPLOY_STATUSES: readonly DeployStatus[] = ['queued', 'building'];

export interface DeploySummary {
  id: number;
  subdomain: string;
  status: DeployStatus;
  /** What triggered it: "page published", "review approved", ... */
  reason: string;
  pagesDone: number;
  pagesTotal: number;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  createdAt: string;
}

export interface DeployRecord extends DeploySummary {
  log: string;
}

/**
 * The event any part of the CMS emits, with a `DeployRequest`, when a clinic's public site
 * changed by other means than publishing its content (a photo deleted, a doctor leaving it).
 */
export const CLINIC_SITE_CHANGED = 'clinic-site.changed';

/** One clinic whose static site is to be rebuilt, and why. */
export interface DeployRequest {
  clinicDocumentId: string;
  reason: string;
}
