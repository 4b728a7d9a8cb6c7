import type { Core } from '@strapi/strapi';

import type { CallChange } from '../calls/call-listeners';
import { supportDesk } from '../desk/support-desk';

/** Agents this node made busy for a call: only they are made available again after it. */
const madeBusy = new WeakMap<Core.Strapi, Set<number>>();

/**
 * An available agent who answers a call is busy until it ends (no tickets, no pop-ups), then
 * available again; an agent who set themselves busy or away stays so.
 */
export const trackAgentOnCall =
  (strapi: Core.Strapi) =>
  async ({ call, previousStatus }: CallChange) => {
    if (!call.agent) return;
    const { desk } = supportDesk(strapi);
    let busy = madeBusy.get(strapi);
    if (!busy) madeBusy.set(strapi, (busy = new Set()));
    const agentId = call.agent.id;
    if (call.status === 'talking' && previousStatus !== 'talking') {
      if ((await desk.statusOf(agentId)) !== 'available') return;
      await desk.setStatus(agentId, 'busy');
      busy.add(agentId);
    } else if (call.status === 'ended' && busy.has(agentId)) {
      busy.delete(agentId);
      if ((await desk.statusOf(agentId)) === 'busy') await desk.setStatus(agentId, 'available');
    }
  };
