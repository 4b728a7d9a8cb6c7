import type { Core } from '@strapi/strapi';

import type { CallRecord } from '../../../shared/contracts';

/** A call changed: what it is now, and its status before (null for a call first seen). */
export interface CallChange {
  call: CallRecord;
  previousStatus: CallRecord['status'] | null;
}

export type CallListener = (change: CallChange) => Promise<void> | void;

const listenersOf = new WeakMap<Core.Strapi, Set<CallListener>>();

/**
 * Who hears about calls as they change on this node: the desk link (tickets, pop-ups), the
 * recordings' download. Listeners run after the change is stored and are awaited, so a sender's
 * answer comes after them; one that fails is logged and does not stop the others.
 */
export const callListeners = (strapi: Core.Strapi) => {
  let listeners = listenersOf.get(strapi);
  if (!listeners) listenersOf.set(strapi, (listeners = new Set()));
  const registered = listeners;
  return {
    subscribe(listener: CallListener) {
      registered.add(listener);
      return () => registered.delete(listener);
    },
    async emit(change: CallChange) {
      await Promise.all(
        [...registered].map(async (listener) => {
          try {
            await listener(change);
          } catch (error) {
            strapi.log.error(`telephony: a call listener failed: ${(error as Error).message}`);
          }
        })
      );
    },
  };
};
