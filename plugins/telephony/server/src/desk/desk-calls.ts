import type { Core } from '@strapi/strapi';

import type { AgentScope } from '@vixenhealth/support/contracts';

import type { CallRecord } from '../../../shared/contracts';
import { CALL_POPULATE, toCallRecord, type CallRow } from '../calls/call-record';
import { CALL } from '../content-types/uids';
import { notFound } from '../errors';
import { linkCallTo, noteCallIn, ticketForCall } from './call-ticket';
import { supportDesk } from './support-desk';

const MAX_CALLS_OF_TICKET = 100;

const callById = async (strapi: Core.Strapi, id: number): Promise<CallRecord> => {
  const row = (await strapi.db
    .query(CALL)
    .findOne({ where: { id }, populate: CALL_POPULATE })) as CallRow | null;
  if (!row) throw notFound('Call');
  return toCallRecord(row);
};

/** What an agent does with calls from the Support page, within the tickets they see. */
export const deskCalls = (strapi: Core.Strapi) => ({
  /** The calls of a ticket the agent sees, newest first. */
  async ofTicket(scope: AgentScope, number: string) {
    const ticket = await supportDesk(strapi).desk.visibleTo(scope, number);
    const rows = (await strapi.db.query(CALL).findMany({
      where: { ticket: { id: ticket.id } },
      populate: CALL_POPULATE,
      orderBy: { startedAt: 'desc' },
      limit: MAX_CALLS_OF_TICKET,
    })) as CallRow[];
    return rows.map(toCallRecord);
  },

  /** Links a call to a ticket the agent sees; an ended call is written into it at once. */
  async pick(scope: AgentScope, callId: number, number: string) {
    const call = await callById(strapi, callId);
    const ticket = await supportDesk(strapi).desk.visibleTo(scope, number);
    await linkCallTo(strapi, call.id, ticket.number);
    // Picked after hang-up: the ticket it got then keeps its summary, this one gets its own.
    if (call.status === 'ended')
      await noteCallIn(strapi, call, ticket.number, `picked:${ticket.number}`);
    return { number: ticket.number };
  },

  /** The call's ticket: the one it has, else the caller's open one or a new one. */
  async open(callId: number) {
    const call = await callById(strapi, callId);
    if (call.ticket) return { number: call.ticket.number };
    return { number: await ticketForCall(strapi, call, { part: 'opened' }) };
  },
});
