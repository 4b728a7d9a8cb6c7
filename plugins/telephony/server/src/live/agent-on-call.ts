import type { Core } from '@strapi/strapi';

import type { CallChange } from '../calls/call-listeners';
import { supportDesk } from '../desk/support-desk';
import { deskMarks } from './desk-marks';

/**
 * An available agent who answers a call is busy until it ends (no tickets, no pop-ups), then
 * available again; an agent who set themselves busy or away stays so. The call's row names the
 * agent it made busy, so the node that hears of the end frees them, whichever it is.
 */
export const trackAgentOnCall =
  (strapi: Core.Strapi) =>
  async ({ call, previousStatus }: CallChange) => {
    const { desk } = supportDesk(strapi);
    const marks = deskMarks(strapi, call.id);
    if (call.status === 'talking' && previousStatus !== 'talking' && call.agent) {
      const agentId = call.agent.id;
      if ((await desk.statusOf(agentId)) !== 'available') return;
      await desk.setStatus(agentId, 'busy');
      // Ended meanwhile, on another node that found no one to free: this node frees them.
      if (!(await marks.markBusy(agentId))) await desk.setStatus(agentId, 'available');
    } else if (call.status === 'ended') {
      const agentId = await marks.takeBusy();
      if (agentId !== null && (await desk.statusOf(agentId)) === 'busy') {
        await desk.setStatus(agentId, 'available');
      }
    }
  };
