/**
 * Support acting as a patient or clinic owner (`/sso/impersonations`, admin API): the request,
 * the audit record it creates and the `act` claim (RFC 8693) of the tokens issued meanwhile.
 */

/** `POST /sso/impersonations`: whom (an email or a document id), and why. */
export interface StartImpersonationRequest {
  userEmail?: string;
  userId?: string;
  /** Why support needs to see what this person sees: 10–500 characters, kept in the audit. */
  reason: string;
}

/** How an impersonation ended: its actor ended it, its time ran out, or the person was deleted. */
export type ImpersonationEnd = 'actor' | 'expiry' | 'target-deleted';

/** One impersonation as the audit shows it. */
export interface ImpersonationRecord {
  id: number;
  actor: { adminId: number; email: string; sub: string | null };
  target: { sub: string; email: string; name: string | null };
  reason: string;
  startedAt: string;
  expiresAt: string;
  /** When the start link was opened (it works once, for 60 seconds); null if never. */
  linkUsedAt: string | null;
  endedAt: string | null;
  endedBy: ImpersonationEnd | null;
  ip: string | null;
}

/** 201 answer: the record, and the one-time link that starts the session (60 seconds). */
export interface StartImpersonationResponse {
  data: ImpersonationRecord;
  meta: { startLink: string; startLinkExpiresAt: string };
}

export interface ListImpersonationsResponse {
  data: ImpersonationRecord[];
  meta: { pagination: { page: number; pageSize: number; total: number; pageCount: number } };
}

/**
 * The `act` claim of ID and access tokens issued in an impersonated session (RFC 8693 §4.1):
 * the real actor. `sub` is their own ID account's, or `admin:<id>` when they have none.
 */
export interface ActorClaim {
  sub: string;
  email: string;
}
