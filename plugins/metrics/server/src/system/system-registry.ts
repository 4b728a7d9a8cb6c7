import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

import { METRIC, METRIC_PREFIX } from './metric-names';

/** Reads a queue's length at scrape time. */
export type QueueReader = () => number | Promise<number>;

/** Seconds: from a cached page (a few ms) to a slow export or upload. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * One Strapi instance's system metrics: a registry of its own (tests boot several instances in
 * one process, and prom-client's global registry would mix them or refuse duplicate names),
 * Node's default metrics (event loop lag, heap, GC) and the platform's instruments.
 */
export const createSystemRegistry = () => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  const registers = [registry];

  const queues = new Map<string, QueueReader>();

  const instruments = {
    httpDuration: new Histogram({
      name: METRIC.httpDuration,
      help: 'HTTP requests by method, matched route template and status class, in seconds',
      labelNames: ['method', 'route', 'status_class'] as const,
      buckets: HTTP_BUCKETS,
      registers,
    }),
    httpErrors: new Counter({
      name: METRIC.httpErrors,
      help: 'HTTP responses with a 4xx or 5xx status, by method, route template and status class',
      labelNames: ['method', 'route', 'status_class'] as const,
      registers,
    }),
    signIns: new Counter({
      name: METRIC.signIns,
      help: 'VixenHealth ID password sign-in attempts by outcome',
      labelNames: ['outcome'] as const,
      registers,
    }),
    ticketsCreated: new Counter({
      name: METRIC.ticketsCreated,
      help: 'Support tickets created, by channel',
      labelNames: ['channel'] as const,
      registers,
    }),
    calls: new Counter({
      name: METRIC.calls,
      help: 'Telephone calls announced on the event hub, by direction and outcome',
      labelNames: ['direction', 'outcome'] as const,
      registers,
    }),
    deploys: new Counter({
      name: METRIC.deploys,
      help: 'Clinic site deploys reaching a status: queued, building (started), live, failed, offline',
      labelNames: ['status'] as const,
      registers,
    }),
  };

  new Gauge({
    name: METRIC.queueLength,
    help: 'Items waiting in a queue, read at scrape time',
    labelNames: ['queue'] as const,
    registers,
    async collect() {
      this.reset();
      for (const [queue, read] of queues) {
        try {
          this.set({ queue }, await read());
        } catch {
          // A queue that cannot be read now (database down) is left out of this scrape, not 0.
        }
      }
    },
  });

  /** A gauge of its own, read at scrape time: for figures that are not a queue. */
  const registerGauge = (name: string, help: string, read: () => number | Promise<number>) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new TypeError(`"${name}" is not a metric name`);
    new Gauge({
      name: `${METRIC_PREFIX}${name}`,
      help,
      registers,
      async collect() {
        this.set(await read());
      },
    });
  };

  return {
    registry,
    ...instruments,
    registerGauge,
    /** Reports `queue`'s length as `queue_length{queue="<queue>"}`; later calls replace it. */
    registerQueue(queue: string, read: QueueReader) {
      if (!/^[a-z][a-z0-9_]*$/.test(queue)) throw new TypeError(`"${queue}" is not a queue name`);
      queues.set(queue, read);
    },
  };
};

export type SystemRegistry = ReturnType<typeof createSystemRegistry>;
