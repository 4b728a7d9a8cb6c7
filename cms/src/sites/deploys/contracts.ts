/**
 * Static deploys of clinic sites as every UI sees them (the admin panel, the owner's cabinet):
 * plain data, no Koa.
 *
 * queued → building → live | failed; `offline` when the clinic is no longer public and its
 * site was taken down.
 */
export type DeployStatus = 'queued' | 'building' | 'live' | 'failed' | 'offline';

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

/** One clinic whose static site is to be rebuilt, and why. */
export interface DeployRequest {
  clinicDocumentId: string;
  reason: string;
}
