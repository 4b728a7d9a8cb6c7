import type { Core } from '@strapi/strapi';

import { ACTIVE_STATUSES } from '../../../shared/contracts';
import { GROUP, TICKET, TICKET_MESSAGE } from '../content-types/uids';
import { SYSTEM } from '../tickets/actor';
import { changeTicket } from '../tickets/change-ticket';
import { autoAssign } from './auto-assign';

/**
 * Assigned tickets their agent has not answered within their group's `returnAfterMinutes`
 * go back to the group (and to the next available agent), so nothing waits on someone away.
 */
export const returnUnansweredTickets = async (strapi: Core.Strapi, now = new Date()) => {
  const groups: { id: number; returnAfterMinutes: number | null }[] = await strapi.db
    .query(GROUP)
    .findMany({ select: ['id', 'returnAfterMinutes'] });
  let returned = 0;
  for (const group of groups) {
    if (!group.returnAfterMinutes) continue;
    const cutoff = new Date(now.getTime() - group.returnAfterMinutes * 60_000);
    const stale: { id: number; assignedAt: string; assignee: { id: number } }[] = await strapi.db
      .query(TICKET)
      .findMany({
        where: {
          group: { id: group.id },
          status: { $in: [...ACTIVE_STATUSES] },
          assignee: { id: { $notNull: true } },
          assignedAt: { $lt: cutoff },
        },
        select: ['id', 'assignedAt'],
        populate: { assignee: { select: ['id'] } },
        limit: 100,
      });
    for (const ticket of stale) {
      const answered = await strapi.db.query(TICKET_MESSAGE).count({
        where: {
          ticket: { id: ticket.id },
          authorKind: 'agent',
          agent: { id: ticket.assignee.id },
          createdAt: { $gte: ticket.assignedAt },
        },
      });
      if (answered > 0) continue;
      await changeTicket(strapi, ticket.id, { assigneeId: null }, SYSTEM, {
        now,
        action: 'returned-to-group',
      });
      await autoAssign(strapi, ticket.id, { exclude: ticket.assignee.id, now });
      returned += 1;
    }
  }
  return returned;
};
