import type { Core } from '@strapi/strapi';

import { ACTIVE_STATUSES, type ModerationRequest } from '../../../shared/contracts';
import { recordAudit } from '../audit/audit-trail';
import { TICKET } from '../content-types/uids';
import { notAllowed, notNow } from '../errors';
import type { DeskRights } from '../rights/desk-rights';
import { MODERATION_GROUP } from '../routing/default-groups';
import { SYSTEM, type Actor } from '../tickets/actor';
import { changeTicket } from '../tickets/change-ticket';
import { openTicket } from '../tickets/open-ticket';
import type { TicketRow } from '../tickets/ticket-row';
import {
  moderationSubjects,
  parseSubjectRef,
  subjectRefOf,
  type ModerationDecision,
  type ModerationKind,
} from './moderation-subjects';

/**
 * A review (reply, report) waiting for moderation becomes a ticket of the Moderation group,
 * once: while one is open for it, that one is returned.
 */
export const openModerationTicket = async (strapi: Core.Strapi, request: ModerationRequest) => {
  const subjectRef = subjectRefOf(request.kind, request.documentId);
  const open = await strapi.db.query(TICKET).findOne({
    where: { subjectRef, status: { $in: [...ACTIVE_STATUSES] } },
    select: ['id', 'number'],
  });
  if (open) return { id: open.id as number, number: open.number as string };
  return openTicket(strapi, {
    subject: request.subject.slice(0, 200),
    text: request.text || '—',
    channel: 'review',
    requester: request.author ?? {},
    groupSlug: MODERATION_GROUP,
    clinic: request.clinic ?? null,
    subjectRef,
    links: [{ kind: request.kind === 'report' ? 'report' : 'review', ref: request.documentId }],
    message: { authorKind: 'system' },
    actor: SYSTEM,
  });
};

/**
 * A decision taken anywhere (this desk, the Moderation page, a script) resolves the subject's
 * open tickets: the moderation is done.
 */
export const subjectDecided = async (
  strapi: Core.Strapi,
  kind: ModerationKind,
  documentId: string,
  actor: Actor = SYSTEM
) => {
  const tickets: { id: number }[] = await strapi.db.query(TICKET).findMany({
    where: { subjectRef: subjectRefOf(kind, documentId), status: { $in: [...ACTIVE_STATUSES] } },
    select: ['id'],
  });
  for (const ticket of tickets) {
    await changeTicket(strapi, ticket.id, { status: 'resolved' }, actor, {
      action: 'resolved-by-moderation',
    });
  }
};

/**
 * Approves, rejects or hides the review a Moderation ticket stands for, through the reviews'
 * own `decide` (their rules, their audit), then records it on the ticket and resolves it.
 */
export const decideFromTicket = async (
  strapi: Core.Strapi,
  rights: DeskRights,
  ticket: TicketRow,
  decision: ModerationDecision,
  reason: string | undefined
) => {
  const subject = parseSubjectRef(ticket.subjectRef);
  const subjects = moderationSubjects(strapi);
  if (!subject || !subjects) {
    throw notNow('not-a-moderation-ticket', `${ticket.number} is not a review to moderate`);
  }
  if (!rights.moderate) throw notAllowed('moderation-only', 'Only moderators decide on reviews');
  const before = await subjects.view(subject.kind, subject.documentId);
  const result = await subjects.decide({
    ...subject,
    decision,
    reason,
    moderatorId: rights.agentId,
  });
  const actor: Actor = { kind: 'agent', id: rights.agentId };
  await recordAudit(strapi, {
    ticketId: ticket.id,
    action: 'moderated',
    actor,
    before: { subject: ticket.subjectRef, status: before?.status ?? null },
    after: { decision, status: result.status, reason: reason ?? null },
  });
  await changeTicket(strapi, ticket.id, { status: 'resolved' }, actor);
  return result;
};
