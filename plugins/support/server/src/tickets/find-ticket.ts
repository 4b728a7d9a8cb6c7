import type { Core } from '@strapi/strapi';

import { TICKET } from '../content-types/uids';
import { notFound } from '../errors';
import { TICKET_POPULATE, type TicketRow } from './ticket-row';

export const findTicket = async (
  strapi: Core.Strapi,
  where: { id: number } | { number: string }
): Promise<TicketRow | null> =>
  strapi.db.query(TICKET).findOne({ where, populate: TICKET_POPULATE });

/** The ticket, or 404. */
export const getTicket = async (
  strapi: Core.Strapi,
  where: { id: number } | { number: string }
) => {
  const ticket = await findTicket(strapi, where);
  if (!ticket) throw notFound('Ticket');
  return ticket;
};
