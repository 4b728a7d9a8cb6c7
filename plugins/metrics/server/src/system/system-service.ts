import type { Core } from '@strapi/strapi';

import { countPlatformEvents } from './count-platform-events';
import { watchDbPool } from './db-pool-gauges';
import { measureHttp, recordRequest } from './http-metrics';
import { serveMetrics } from './metrics-endpoint';
import { createSystemRegistry, type QueueReader } from './system-registry';

/**
 * The system metrics of this Strapi instance, for Support's Prometheus. Other parts of the
 * platform add their figures with `registerQueue` / `registerGauge`, or by emitting the event
 * hub events of `platform-events.ts`.
 */
export const systemService = ({ strapi }: { strapi: Core.Strapi }) => {
  const system = createSystemRegistry();
  const token = () => String(strapi.config.get('plugin::metrics.systemToken') ?? '');
  let stopCounting: (() => void) | undefined;

  return {
    /** The Koa middlewares: timing of every request, and `GET /metrics` (register phase). */
    middlewares: () => [measureHttp(system), serveMetrics(system, token)],
    /** Counts a request answered outside Koa (the collection endpoint). */
    recordRequest: (request: Parameters<typeof recordRequest>[1]) => recordRequest(system, request),
    /** Starts reading the pool and counting platform events (bootstrap phase). */
    start() {
      watchDbPool(system, () => strapi.db.connection);
      stopCounting = countPlatformEvents(strapi, system);
    },
    stop() {
      stopCounting?.();
      stopCounting = undefined;
    },
    /** `queue_length{queue="<queue>"}`, read at scrape time, e.g. the visits buffer's length. */
    registerQueue: (queue: string, read: QueueReader) => system.registerQueue(queue, read),
    /** A gauge `vixenhealth_<name>` of its own, read at scrape time. */
    registerGauge: (name: string, help: string, read: () => number | Promise<number>) =>
      system.registerGauge(name, help, read),
    /** The exposition text, as `GET /metrics` serves it. */
    scrape: () => system.registry.metrics(),
  };
};

export type SystemService = ReturnType<typeof systemService>;
