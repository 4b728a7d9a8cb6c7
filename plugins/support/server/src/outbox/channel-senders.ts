import type { Core } from '@strapi/strapi';

import type { Channel, ChannelSender } from '../../../shared/contracts';

const registries = new WeakMap<Core.Strapi, Map<Channel, ChannelSender>>();

/** The senders of this desk's channels, registered at start-up from the configuration. */
export const channelSenders = (strapi: Core.Strapi) => {
  let registry = registries.get(strapi);
  if (!registry) {
    registry = new Map();
    registries.set(strapi, registry);
  }
  const senders = registry;
  return {
    register: (sender: ChannelSender) => senders.set(sender.channel, sender),
    of: (channel: Channel) => senders.get(channel) ?? null,
  };
};
