import type { Core } from '@strapi/strapi';

import { notFound } from '../errors';
import type { DeskRights } from '../rights/desk-rights';
import { findTicket } from '../tickets/find-ticket';

/** Whether an agent sees tickets of this group. */
export const seesGroup = (rights: DeskRights, groupId: number | null) =>
  rights.allGroups || (groupId !== null && rights.groupIds.includes(groupId));

/**
 * A ticket the agent may see: 404 for one of another group, as for one that does not exist,
 * so nobody learns what other queues hold.
 */
export const visibleTicket = async (strapi: Core.Strapi, rights: DeskRights, number: string) => {
  const ticket = await findTicket(strapi, { number });
  if (!ticket || !seesGroup(rights, ticket.group?.id ?? null)) throw notFound('Ticket');
  return ticket;
};
