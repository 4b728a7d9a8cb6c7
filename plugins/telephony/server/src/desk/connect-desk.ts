import type { Core } from '@strapi/strapi';

import { announceCall } from '../live/call-popup';
import { trackAgentOnCall } from '../live/agent-on-call';
import { getService } from '../services/get-service';
import { linkCall } from './link-call';

/** Calls at the Support desk: pop-ups, agents busy while talking, every call in a ticket. */
export const connectDesk = (strapi: Core.Strapi) => {
  const calls = getService(strapi, 'calls');
  calls.onChange(announceCall(strapi));
  calls.onChange(trackAgentOnCall(strapi));
  calls.onChange(linkCall(strapi));
};
