import type { Core } from '@strapi/strapi';

import { CALL_NOTICE_TOPIC, type CallNotice } from '../../../shared/contracts';
import type { CallChange } from '../calls/call-listeners';
import { groupOfCall, otherPartyOf } from '../desk/call-group';
import { findCaller } from '../desk/find-caller';
import { supportDesk } from '../desk/support-desk';

/** Who was shown each ringing call on this node, so the same agents see it close. */
const shownTo = new WeakMap<Core.Strapi, Map<number, number[]>>();

const shownOn = (strapi: Core.Strapi) => {
  let shown = shownTo.get(strapi);
  if (!shown) shownTo.set(strapi, (shown = new Map()));
  return shown;
};

/**
 * The live pop-up: a new inbound call rings at the available agents of its group with who
 * calls and their open tickets; once answered or ended, it closes for the same agents.
 */
export const announceCall =
  (strapi: Core.Strapi) =>
  async ({ call, previousStatus }: CallChange) => {
    if (call.direction !== 'in') return;
    const { desk } = supportDesk(strapi);
    const shown = shownOn(strapi);
    const send = (agentIds: number[], data: CallNotice) => {
      if (agentIds.length) desk.notify({ topic: CALL_NOTICE_TOPIC, agentIds, data });
    };
    if (previousStatus === null && call.status === 'ringing') {
      const agentIds = await desk.availableAgents('phone', await groupOfCall(strapi, call));
      shown.set(call.id, agentIds);
      send(agentIds, { call, caller: await findCaller(strapi, otherPartyOf(call)) });
    } else if (call.status !== 'ringing' && shown.has(call.id)) {
      send(shown.get(call.id)!, { call, caller: null });
      shown.delete(call.id);
    }
  };
