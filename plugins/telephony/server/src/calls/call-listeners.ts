import { EventEmitter } from 'node:events';

import type { Core } from '@strapi/strapi';

import type { CallRecord } from '../../../shared/contracts';

/** A call changed: what it is now, and its status before (null for a call first seen). */
export interface CallChange {
  call: CallRecord;
  previousStatus: CallRecord['status'] | null;
}

export type CallListener = (change: CallChange) => Promise<void> | void;

const hubs = new WeakMap<Core.Strapi, EventEmitter>();

/**
 * Who hears about calls as they change on this node: the desk link (tickets, pop-ups), the
 * recordings' download. Listeners run after the change is stored; one that fails is logged and
 * does not stop the others.
 */
export const callListeners = (strapi: Core.Strapi) => {
  let hub = hubs.get(strapi);
  if (!hub) {
    hub = new EventEmitter();
    hub.setMaxListeners(0);
    hubs.set(strapi, hub);
  }
  const events = hub;
  return {
    subscribe(listener: CallListener) {
      events.on('change', listener);
      return () => events.off('change', listener);
    },
    /** Runs every listener and waits for them, so the sender's answer comes after. */
    async emit(change: CallChange) {
      await Promise.all(
        events.listeners('change').map(async (listener) => {
          try {
            await (listener as CallListener)(change);
          } catch (error) {
            strapi.log.error(`telephony: a call listener failed: ${(error as Error).message}`);
          }
        })
      );
    },
  };
};
