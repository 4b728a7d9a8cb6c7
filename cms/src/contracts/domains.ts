/**
 * A clinic's own domain as its owners see it in the cabinet: plain data, no Koa. A domain is used
 * for nothing (not served, not linked, no sign-in) until its owners prove they control it.
 */

/**
 * unverified: not proven yet (or changed since); verified: proven, and still there at the last
 * check; lost: it was proven, and then the proof was gone.
 */
export type DomainStatus = 'unverified' | 'verified' | 'lost';

/** What the last check saw: the record, no record, or no answer from DNS (which proves nothing). */
export type DomainCheckResult = 'found' | 'missing' | 'unreachable';

/** The DNS record that proves control of a domain. */
export interface DomainRecord {
  type: 'TXT';
  name: string;
  value: string;
}

export interface DomainVerification {
  /** The domain the owners named; null when the clinic has none. */
  domain: string | null;
  status: DomainStatus;
  /** What to publish in the domain's DNS; null without a domain. */
  record: DomainRecord | null;
  lastCheck: { at: string; result: DomainCheckResult } | null;
  verifiedAt: string | null;
}
