import type { Core } from '@strapi/strapi';

import { returnUnansweredTickets } from '../assignment/return-unanswered';
import { deliverDueReplies } from '../outbox/outbox-worker';
import type { SupportConfig } from '../config';

const timers = new WeakMap<Core.Strapi, NodeJS.Timeout>();

/**
 * The desk's periodic work on every node: queued replies are (re)sent, and assigned tickets
 * nobody answered return to their group. Each step is safe to run on two nodes at once.
 */
export const startDeskWorker = (strapi: Core.Strapi) => {
  const { workIntervalMs } = strapi.config.get('plugin::support') as SupportConfig;
  const tick = async () => {
    try {
      await deliverDueReplies(strapi);
      await returnUnansweredTickets(strapi);
    } catch (error) {
      strapi.log.error(`Support: periodic work failed: ${(error as Error).message}`);
    }
  };
  const timer = setInterval(tick, workIntervalMs);
  timer.unref();
  timers.set(strapi, timer);
};

export const stopDeskWorker = (strapi: Core.Strapi) => {
  clearInterval(timers.get(strapi));
  timers.delete(strapi);
};
