import type { Core } from '@strapi/strapi';

import { CALL_NOTICE_TOPIC, type CallNotice } from '../../../shared/contracts';
import type { CallChange } from '../calls/call-listeners';
import { groupOfCall, otherPartyOf } from '../desk/call-group';
import { findCaller } from '../desk/find-caller';
import { supportDesk } from '../desk/support-desk';
import { deskMarks } from './desk-marks';

/**
 * The live pop-up: a new inbound call rings at the available agents of its group with who
 * calls and their open tickets; once answered or ended, it closes for the same agents, on
 * whichever node hears of that (who was shown it is kept on the call's row).
 */
export const announceCall =
  (strapi: Core.Strapi) =>
  async ({ call, previousStatus }: CallChange) => {
    if (call.direction !== 'in') return;
    const { desk } = supportDesk(strapi);
    const marks = deskMarks(strapi, call.id);
    const send = (agentIds: number[], data: CallNotice) => {
      if (agentIds.length) desk.notify({ topic: CALL_NOTICE_TOPIC, agentIds, data });
    };
    if (previousStatus === null && call.status === 'ringing') {
      const agentIds = await desk.availableAgents('phone', await groupOfCall(strapi, call));
      // A call answered meanwhile (on another node) pops up nowhere: nobody would close it.
      if (!(await marks.showPopup(agentIds))) return;
      send(agentIds, { call, caller: await findCaller(strapi, otherPartyOf(call)) });
    } else if (call.status !== 'ringing') {
      send(await marks.takePopup(), { call, caller: null });
    }
  };
