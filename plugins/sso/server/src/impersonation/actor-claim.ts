import type { ActorClaim } from '../../../shared/contracts/impersonation';

/**
 * The `act` claim (RFC 8693 §4.1) naming the real actor: their own ID account when they have
 * one, otherwise their admin-panel user (`admin:<id>`), which no ID `sub` can look like.
 */
export const actorClaim = (record: {
  actorSub?: string | null;
  actorAdminId: number;
  actorEmail: string;
}): ActorClaim => ({
  sub: record.actorSub || `admin:${record.actorAdminId}`,
  email: record.actorEmail,
});
