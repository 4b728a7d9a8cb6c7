import { EventEmitter } from 'node:events';

import type { Core } from '@strapi/strapi';

import type { AgentNotice, SupportEvent } from '../../../shared/contracts';

/** What the desk's stream carries: ticket events for a group's agents, notices for named ones. */
export type LiveEvent = SupportEvent | AgentNotice;

const hubs = new WeakMap<Core.Strapi, EventEmitter>();

/** The desk's live events of this node, which the Support page hears over server-sent events. */
export const liveEvents = (strapi: Core.Strapi) => {
  let hub = hubs.get(strapi);
  if (!hub) {
    hub = new EventEmitter();
    // One listener per open Support page.
    hub.setMaxListeners(0);
    hubs.set(strapi, hub);
  }
  const events = hub;
  return {
    emit: (event: LiveEvent) => events.emit('event', event),
    subscribe(listener: (event: LiveEvent) => void) {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
  };
};
