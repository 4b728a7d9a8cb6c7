import type { Core } from '@strapi/strapi';

import type { RequesterTicket, RequesterTicketThread } from '../../../shared/contracts';
import { TICKET, TICKET_MESSAGE } from '../content-types/uids';
import { notFound } from '../errors';
import { agentName } from '../tickets/ticket-row';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

const summaryOf = (ticket: Row): RequesterTicket => ({
  number: ticket.number,
  subject: ticket.subject,
  status: ticket.status,
  createdAt: new Date(ticket.createdAt).toISOString(),
  updatedAt: new Date(ticket.updatedAt).toISOString(),
});

/** The person's own requests, newest first ("my requests"). */
export const requestsOf = async (strapi: Core.Strapi, userId: number): Promise<RequesterTicket[]> =>
  (
    await strapi.db.query(TICKET).findMany({
      where: { requester: { id: userId } },
      orderBy: { id: 'desc' },
      limit: 200,
    })
  ).map(summaryOf);

/** A ticket of theirs: 404 for anyone else's, as for one that does not exist. */
export const ownTicket = async (strapi: Core.Strapi, userId: number, number: string) => {
  const ticket = await strapi.db.query(TICKET).findOne({
    where: { number, requester: { id: userId } },
  });
  if (!ticket) throw notFound('Ticket');
  return ticket as Row;
};

/** The thread as the person sees it: public messages only, never agents' internal notes. */
export const threadOf = async (
  strapi: Core.Strapi,
  userId: number,
  number: string
): Promise<RequesterTicketThread> => {
  const ticket = await ownTicket(strapi, userId, number);
  const messages: Row[] = await strapi.db.query(TICKET_MESSAGE).findMany({
    where: { ticket: { id: ticket.id }, kind: 'reply' },
    populate: { agent: { select: ['firstname', 'lastname'] }, attachments: true },
    orderBy: { id: 'asc' },
  });
  return {
    ...summaryOf(ticket),
    messages: messages.map((message) => ({
      id: message.id,
      author: message.authorKind === 'requester' ? 'me' : 'support',
      authorName: message.authorKind === 'agent' ? agentName(message.agent) : null,
      text: message.text,
      createdAt: new Date(message.createdAt).toISOString(),
      attachments: (message.attachments ?? []).map((file: Row) => ({
        id: file.id,
        name: file.name,
        size: Math.round(file.size * 1024),
      })),
    })),
  };
};

/** A file of the person's own thread (public messages only), or 404. */
export const ownAttachment = async (
  strapi: Core.Strapi,
  userId: number,
  number: string,
  fileId: number
) => {
  const ticket = await ownTicket(strapi, userId, number);
  const message = await strapi.db.query(TICKET_MESSAGE).findOne({
    where: { ticket: { id: ticket.id }, kind: 'reply', attachments: { id: fileId } },
    populate: { attachments: true },
  });
  const file = (message?.attachments as Row[] | undefined)?.find(
    (candidate) => candidate.id === fileId
  );
  if (!file) throw notFound('File');
  return file as { name: string; mime: string; hash: string; ext: string };
};
