import type { Core } from '@strapi/strapi';

import { MODERATION_EVENT } from '../content-types/uids';
import type { Actor, ModerationSubjectType } from '../contracts';

export type AuditAction =
  'submitted' | 'edited' | 'approved' | 'rejected' | 'hidden' | 'deleted' | 'reported';

/** Records one transition of a review or reply; inside the caller's transaction, if any. */
export const audit = async (
  strapi: Core.Strapi,
  event: {
    subjectType: ModerationSubjectType;
    subjectId: string;
    action: AuditAction;
    fromStatus?: string | null;
    toStatus?: string | null;
    actor: Actor;
    reason?: string | null;
  },
  now = new Date()
) => {
  await strapi.db.query(MODERATION_EVENT).create({
    data: {
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      action: event.action,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      actorType: event.actor.type,
      actorId: event.actor.id,
      reason: event.reason ?? null,
      occurredAt: now,
    },
  });
};

/** The transitions of one review or reply, oldest first. */
export const historyOf = (
  strapi: Core.Strapi,
  subjectType: ModerationSubjectType,
  subjectId: string
) =>
  strapi.db.query(MODERATION_EVENT).findMany({
    where: { subjectType, subjectId },
    orderBy: { occurredAt: 'asc' },
  });
