import type { Core } from '@strapi/strapi';

import { ACTIVE_STATUSES } from '../../../shared/contracts';
import { allAgents } from '../agents/agent-profile';
import { AGENT, GROUP, TICKET } from '../content-types/uids';
import { SYSTEM } from '../tickets/actor';
import { changeTicket } from '../tickets/change-ticket';
import { findTicket } from '../tickets/find-ticket';
import { isActive } from '../tickets/ticket-row';
import { pickAssignee } from './round-robin';

/**
 * Gives an unassigned ticket to the next available agent of its group, round-robin (the one
 * assigned longest ago), unless its group assigns by hand. `exclude` is the agent it just
 * returned from.
 */
export const autoAssign = async (
  strapi: Core.Strapi,
  ticketId: number,
  { exclude, now = new Date() }: { exclude?: number; now?: Date } = {}
) => {
  const ticket = await findTicket(strapi, { id: ticketId });
  if (!ticket?.group || ticket.assignee || !isActive(ticket.status)) return null;
  const group = await strapi.db.query(GROUP).findOne({ where: { id: ticket.group.id } });
  if (group && group.autoAssign === false) return null;

  const agents = (await allAgents(strapi)).filter(
    (agent) => agent.groupIds.includes(ticket.group!.id) && agent.userId !== exclude
  );
  const candidates = await Promise.all(
    agents.map(async (agent) => ({
      id: agent.userId,
      available: agent.available,
      lastAssignedAt: agent.lastAssignedAt,
      openTickets: await strapi.db.query(TICKET).count({
        where: { assignee: { id: agent.userId }, status: { $in: [...ACTIVE_STATUSES] } },
      }),
    }))
  );
  const assigneeId = pickAssignee(candidates);
  if (assigneeId === null) return null;
  const profile = agents.find((agent) => agent.userId === assigneeId)!;
  await strapi.db.query(AGENT).update({ where: { id: profile.id }, data: { lastAssignedAt: now } });
  await changeTicket(strapi, ticketId, { assigneeId }, SYSTEM, { now, action: 'auto-assigned' });
  return assigneeId;
};
