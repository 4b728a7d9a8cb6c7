import type { Core } from '@strapi/strapi';

import { AUDIT_ENTRY } from '../content-types/uids';
import type { Actor } from '../tickets/actor';

export interface AuditRecord {
  ticketId?: number;
  problemId?: number;
  /** What happened: `created`, `changed`, `assigned`, `merged`, `moderated`… */
  action: string;
  actor: Actor;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Writes one entry of the audit trail: who, what, when, the fields before and after. Called
 * inside the change's own transaction, so a change and its record commit together or not at all.
 */
export const recordAudit = (strapi: Core.Strapi, record: AuditRecord, at = new Date()) =>
  strapi.db.query(AUDIT_ENTRY).create({
    data: {
      ticket: record.ticketId ?? null,
      problem: record.problemId ?? null,
      action: record.action,
      actorKind: record.actor.kind,
      actor: record.actor.kind === 'agent' ? record.actor.id : null,
      before: record.before ?? null,
      after: record.after ?? null,
      at,
    },
  });

/** The fields of `after` that differ from `before`, each side holding only those. */
export const changedFields = (
  before: Record<string, unknown>,
  after: Record<string, unknown>
): { before: Record<string, unknown>; after: Record<string, unknown> } | null => {
  const keys = Object.keys(after).filter(
    (key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)
  );
  if (keys.length === 0) return null;
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key] ?? null])),
    after: Object.fromEntries(keys.map((key) => [key, after[key] ?? null])),
  };
};
