import type { Core } from '@strapi/strapi';
import type { InboundMessage, PluginDesk } from '@vixenhealth/support/contracts';

/** The Support desk's services telephony calls: tickets, notes, agents, the live stream. */
export const supportDesk = (strapi: Core.Strapi) => ({
  desk: strapi.plugin('support').service('plugin-desk') as unknown as PluginDesk,
  intake: strapi.plugin('support').service('intake') as unknown as {
    receive(message: InboundMessage): Promise<{ ticketNumber: string }>;
  },
});
