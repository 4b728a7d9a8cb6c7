import type { Core } from '@strapi/strapi';

import type { TicketPriority, TicketStatus } from '../../../shared/contracts';
import { changedFields, recordAudit } from '../audit/audit-trail';
import { PROBLEM, TICKET } from '../content-types/uids';
import { liveEvents } from '../live/live-events';
import { DEFAULT_BUSINESS_CALENDAR } from '../sla/business-calendar';
import { resolutionDueAfterPause } from '../sla/sla-policy';
import type { Actor } from './actor';
import { getTicket } from './find-ticket';
import { tagListOf } from './tags';
import { isActive, type TicketRow } from './ticket-row';

export interface TicketChange {
  status?: TicketStatus;
  priority?: TicketPriority;
  groupId?: number;
  assigneeId?: number | null;
  tags?: string[];
  problemId?: number | null;
}

const PAUSED: TicketStatus[] = ['pending', 'on-hold'];

/** The ticket's fields as the audit trail and the change compare them. */
const auditedFields = (ticket: TicketRow) => ({
  status: ticket.status,
  priority: ticket.priority,
  groupId: ticket.group?.id ?? null,
  assigneeId: ticket.assignee?.id ?? null,
  tags: ticket.tags ?? [],
  problemId: ticket.problem?.id ?? null,
});

/** The timestamps a status change moves: resolved/closed times, the paused SLA clock. */
const statusTimes = (ticket: TicketRow, to: TicketStatus, now: Date) => {
  const times: Record<string, Date | null> = {};
  if (to === 'resolved') times.resolvedAt = now;
  if (to === 'closed') times.closedAt = now;
  if (isActive(to)) Object.assign(times, { resolvedAt: null, closedAt: null });
  const wasPaused = PAUSED.includes(ticket.status) && ticket.pausedAt;
  if (PAUSED.includes(to) && !wasPaused) times.pausedAt = now;
  if (!PAUSED.includes(to) && wasPaused) {
    // Time spent waiting for the requester does not count against the resolution target.
    times.pausedAt = null;
    if (ticket.resolutionDueAt) {
      times.resolutionDueAt = resolutionDueAfterPause(
        new Date(ticket.resolutionDueAt),
        new Date(ticket.pausedAt!),
        now,
        DEFAULT_BUSINESS_CALENDAR
      );
    }
  }
  return times;
};

/**
 * Changes a ticket's fields in one transaction with the audit record of what changed (before
 * and after). Reopening an incident whose problem is resolved flags the problem. Rights are
 * the caller's to check: this is what every UI and channel ends in.
 * @returns the ticket after the change
 */
export const changeTicket = async (
  strapi: Core.Strapi,
  ticketId: number,
  change: TicketChange,
  actor: Actor,
  { now = new Date(), action = 'changed' }: { now?: Date; action?: string } = {}
): Promise<TicketRow> => {
  const result = await strapi.db.transaction(async ({ onCommit }) => {
    const ticket = await getTicket(strapi, { id: ticketId });
    const before = auditedFields(ticket);
    const after = { ...before, ...change };
    const diff = changedFields(before, after);
    if (!diff) return ticket;

    const data: Record<string, unknown> = { lastActivityAt: now };
    if (change.status !== undefined && change.status !== ticket.status) {
      Object.assign(data, { status: change.status }, statusTimes(ticket, change.status, now));
    }
    if (change.priority !== undefined) data.priority = change.priority;
    if (change.tags !== undefined)
      Object.assign(data, { tags: change.tags, tagList: tagListOf(change.tags) });
    if (change.groupId !== undefined && change.groupId !== before.groupId) {
      data.group = change.groupId;
      // The new group's agents take it from here, unless an assignee is given with the move.
      if (change.assigneeId === undefined)
        Object.assign(data, { assignee: null, assignedAt: null });
    }
    if (change.assigneeId !== undefined && change.assigneeId !== before.assigneeId) {
      Object.assign(data, {
        assignee: change.assigneeId,
        assignedAt: change.assigneeId ? now : null,
      });
    }
    if (change.problemId !== undefined) data.problem = change.problemId;
    await strapi.db.query(TICKET).update({ where: { id: ticketId }, data });
    await recordAudit(strapi, { ticketId, action, actor, ...diff }, now);

    const reopened = change.status && !isActive(ticket.status) && isActive(change.status);
    if (reopened && ticket.problem?.status === 'resolved')
      await flagProblem(strapi, ticket, actor, now);

    onCommit(() =>
      liveEvents(strapi).emit({
        type: 'ticket.updated',
        number: ticket.number,
        groupId: (data.group as number | undefined) ?? ticket.group?.id ?? null,
      })
    );
    return getTicket(strapi, { id: ticketId });
  });
  return result;
};

/** A reopened incident of a resolved problem: the problem is flagged for its owner to look at. */
const flagProblem = async (strapi: Core.Strapi, ticket: TicketRow, actor: Actor, now: Date) => {
  await strapi.db
    .query(PROBLEM)
    .update({ where: { id: ticket.problem!.id }, data: { flagged: true } });
  await recordAudit(
    strapi,
    {
      problemId: ticket.problem!.id,
      action: 'incident-reopened',
      actor,
      before: { flagged: false },
      after: { flagged: true, incident: ticket.number },
    },
    now
  );
};
