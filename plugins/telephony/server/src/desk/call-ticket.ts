import type { Core } from '@strapi/strapi';

import type { CallRecord } from '../../../shared/contracts';
import { CALL } from '../content-types/uids';
import { groupOfCall, otherPartyOf } from './call-group';
import { callSummary } from './call-summary';
import { findCaller } from './find-caller';
import { supportDesk } from './support-desk';

/** The desk's id of what a call added to a ticket: each is added once, however often asked. */
export const callNoteId = (call: Pick<CallRecord, 'id'>, part?: string) =>
  `telephony:call:${call.id}${part ? `:${part}` : ''}`;

const SUBJECTS = { in: 'Звонок от', out: 'Звонок на' } as const;

/** Links the call to the ticket numbered `number`; false when there is no such ticket. */
export const linkCallTo = async (strapi: Core.Strapi, callId: number, number: string) => {
  const ticket = await supportDesk(strapi).desk.ticketRef(number);
  if (!ticket) return false;
  await strapi.db.query(CALL).update({ where: { id: callId }, data: { ticket: ticket.id } });
  return true;
};

/**
 * Gives a call a ticket through the desk's intake, as any channel's message: the caller's open
 * ticket (by their number) takes it, else a new one opens in the call's group. The message is
 * the call's summary, taken in once per call (and `part`: an agent's early ticket for a call
 * still ringing leaves the final summary to be noted at hang-up).
 * @returns the ticket's number
 */
export const ticketForCall = async (
  strapi: Core.Strapi,
  call: CallRecord,
  { part }: { part?: string } = {}
) => {
  const phone = otherPartyOf(call);
  const caller = await findCaller(strapi, phone);
  const group = await groupOfCall(strapi, call);
  const { ticketNumber } = await supportDesk(strapi).intake.receive({
    channel: 'phone',
    externalId: callNoteId(call, part),
    from: {
      phone,
      ...(caller.userId ? { userId: caller.userId } : {}),
      ...(caller.name ? { name: caller.name } : {}),
    },
    subject: `${SUBJECTS[call.direction]} ${caller.name ?? phone}`,
    text: callSummary(call),
    receivedAt: new Date(call.startedAt),
    attachments: [],
    ...(group ? { groupSlug: group } : {}),
    ...((call.clinic ?? caller.clinic) ? { clinic: (call.clinic ?? caller.clinic)! } : {}),
  });
  await linkCallTo(strapi, call.id, ticketNumber);
  return ticketNumber;
};

/** Writes an ended call into the ticket it is linked to (once per `part`). */
export const noteCallIn = (strapi: Core.Strapi, call: CallRecord, number: string, part?: string) =>
  supportDesk(strapi).desk.addNote({
    number,
    text: callSummary(call),
    externalId: callNoteId(call, part),
  });
