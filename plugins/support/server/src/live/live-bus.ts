import { EventEmitter } from 'node:events';

import Redis from 'ioredis';

/** Carries the desk's live events to every Support page, on this node or all of them. */
export interface LiveBus<Event> {
  publish(event: Event): void;
  subscribe(listener: (event: Event) => void): () => void;
  close(): Promise<void>;
}

/** One node's events: pages open on this node hear what this node does. */
export const localLiveBus = <Event>(): LiveBus<Event> => {
  const events = new EventEmitter();
  // One listener per open Support page.
  events.setMaxListeners(0);
  return {
    publish: (event) => events.emit('event', event),
    subscribe(listener) {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    async close() {
      events.removeAllListeners();
    },
  };
};

/**
 * Every node's events, through a Redis channel: a page open on one node hears a ticket opened on
 * another. A node hears its own events back from Redis too, so each reaches its pages once.
 */
export const redisLiveBus = <Event>(
  url: string,
  channel: string,
  onError: (message: string) => void
): LiveBus<Event> => {
  const local = localLiveBus<Event>();
  const publisher = new Redis(url, { maxRetriesPerRequest: 2 });
  // A connection that subscribes can do nothing else.
  const subscriber = new Redis(url);
  subscriber.subscribe(channel).catch((error: Error) => onError(error.message));
  subscriber.on('message', (from: string, message: string) => {
    if (from === channel) local.publish(JSON.parse(message) as Event);
  });

  return {
    publish(event) {
      publisher.publish(channel, JSON.stringify(event)).catch((error: Error) => {
        // The other nodes miss it; this node's pages still hear it.
        onError(error.message);
        local.publish(event);
      });
    },
    subscribe: local.subscribe,
    async close() {
      await local.close();
      await Promise.all(
        [publisher, subscriber].map((redis) => redis.quit().catch(() => redis.disconnect()))
      );
    },
  };
};
