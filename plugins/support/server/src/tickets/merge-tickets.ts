import type { Core } from '@strapi/strapi';

import { recordAudit } from '../audit/audit-trail';
import { TICKET, TICKET_MESSAGE } from '../content-types/uids';
import { notNow } from '../errors';
import type { Actor } from './actor';
import { changeTicket } from './change-ticket';
import { getTicket } from './find-ticket';
import { postAgentMessage } from './post-message';

/**
 * Merges a duplicate into another ticket: its thread moves over (in time order with the
 * other's), it is closed pointing at the ticket it joined, and its requester is told on their
 * channel. A later message to the duplicate lands in the ticket it was merged into.
 */
export const mergeTickets = async (
  strapi: Core.Strapi,
  sourceId: number,
  targetNumber: string,
  actor: Actor
) => {
  const source = await getTicket(strapi, { id: sourceId });
  const target = await getTicket(strapi, { number: targetNumber });
  if (source.id === target.id)
    throw notNow('merge-into-self', 'A ticket cannot be merged into itself');
  if (source.mergedInto) {
    throw notNow(
      'already-merged',
      `${source.number} was already merged into ${source.mergedInto.number}`
    );
  }
  if (target.mergedInto) {
    throw notNow(
      'already-merged',
      `${target.number} was merged into ${target.mergedInto.number}: merge into that one`
    );
  }
  await strapi.db.transaction(async () => {
    // Relations live in link tables: each message is moved on its own.
    const messages: { id: number }[] = await strapi.db
      .query(TICKET_MESSAGE)
      .findMany({ where: { ticket: { id: source.id } }, select: ['id'] });
    for (const message of messages) {
      await strapi.db
        .query(TICKET_MESSAGE)
        .update({ where: { id: message.id }, data: { ticket: target.id } });
    }
    await strapi.db.query(TICKET).update({
      where: { id: source.id },
      data: {
        mergedInto: target.id,
        links: [...(source.links ?? []), { kind: 'ticket', ref: target.number }],
      },
    });
    await strapi.db.query(TICKET).update({
      where: { id: target.id },
      data: {
        links: [...(target.links ?? []), { kind: 'ticket', ref: source.number }],
        searchText: `${target.searchText ?? ''}\n${source.searchText ?? ''}`.slice(0, 100_000),
      },
    });
    await recordAudit(strapi, {
      ticketId: source.id,
      action: 'merged',
      actor,
      after: { into: target.number },
    });
    await recordAudit(strapi, {
      ticketId: target.id,
      action: 'merged-from',
      actor,
      after: { from: source.number },
    });
  });
  if (source.status !== 'closed') {
    await postAgentMessage(
      strapi,
      source.id,
      {
        kind: 'reply',
        authorKind: 'system',
        text:
          `Ваше обращение ${source.number} объединено с обращением ${target.number} ` +
          'по тому же вопросу. Ответ придёт в нём.',
      },
      actor
    );
    await changeTicket(strapi, source.id, { status: 'closed' }, actor, {
      action: 'closed-by-merge',
    });
  }
  return getTicket(strapi, { id: target.id });
};
