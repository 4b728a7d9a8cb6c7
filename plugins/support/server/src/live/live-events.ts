import type { Core } from '@strapi/strapi';

import type { AgentNotice, SupportEvent } from '../../../shared/contracts';
import type { SupportConfig } from '../config';
import { localLiveBus, redisLiveBus, type LiveBus } from './live-bus';

/** What the desk's stream carries: ticket events for a group's agents, notices for named ones. */
export type LiveEvent = SupportEvent | AgentNotice;

const buses = new WeakMap<Core.Strapi, LiveBus<LiveEvent>>();

const busFor = (strapi: Core.Strapi): LiveBus<LiveEvent> => {
  const { redisUrl, redisPrefix } = strapi.config.get('plugin::support') as SupportConfig;
  return redisUrl
    ? redisLiveBus<LiveEvent>(redisUrl, `${redisPrefix}support:live`, (message) =>
        strapi.log.error(`Support: live events through Redis failed: ${message}`)
      )
    : localLiveBus<LiveEvent>();
};

/**
 * The desk's live events, which the Support page hears over server-sent events: this node's,
 * or every node's when the platform has Redis (`REDIS_URL`).
 */
export const liveEvents = (strapi: Core.Strapi) => {
  let bus = buses.get(strapi);
  if (!bus) {
    bus = busFor(strapi);
    buses.set(strapi, bus);
  }
  const events = bus;
  return {
    emit: (event: LiveEvent) => events.publish(event),
    subscribe: (listener: (event: LiveEvent) => void) => events.subscribe(listener),
  };
};

export const closeLiveEvents = async (strapi: Core.Strapi) => {
  await buses.get(strapi)?.close();
  buses.delete(strapi);
};
