import type { Core } from '@strapi/strapi';

import type { MetricsConfig } from '../config';
import { purgeExpired } from '../retention/purge-expired';
import { getService } from '../services/get-service';
import { PAIRS_PER_RUN, rollUpPending } from './rollup-pending';

/** Batches per run: a backlog drains over a few runs; today's pair, re-marked all day, never loops. */
const BATCHES_PER_RUN = 10;

/** Retention runs at most this often: it scans whole tables, the roll-up only pending days. */
const RETENTION_EVERY_MS = 60 * 60 * 1000;

/**
 * Every `rollupIntervalMs`: the pending days are rolled up (a bounded batch per run), and about
 * hourly what is past retention is deleted. One run at a time per node; several nodes share the
 * pending pairs safely (see rollup-day.ts). A failed run is logged and retried on the next tick.
 */
export const createRollupJob = (strapi: Core.Strapi) => {
  const config = strapi.config.get('plugin::metrics') as MetricsConfig;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let lastRetention = 0;

  const run = async () => {
    const db = strapi.db.connection;
    for (let batch = 0; batch < BATCHES_PER_RUN && timer; batch += 1) {
      if ((await rollUpPending(db, config.timeZone)) < PAIRS_PER_RUN) break;
    }
    const now = getService(strapi, 'clock').now();
    if (now.getTime() - lastRetention >= RETENTION_EVERY_MS) {
      await purgeExpired(db, config, now);
      lastRetention = now.getTime();
    }
  };

  const tick = () => {
    if (running) return;
    running = run()
      .catch((error: unknown) => {
        strapi.log.error(`metrics: roll-up failed: ${String(error)}`);
      })
      .finally(() => {
        running = null;
      });
  };

  return {
    start() {
      if (timer) return;
      timer = setInterval(tick, config.rollupIntervalMs);
      timer.unref();
    },
    /** Stops the timer and waits for a run under way, so shutdown never cuts a transaction. */
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
};
