import { Gauge } from 'prom-client';
import type { Knex } from 'knex';

import { METRIC } from './metric-names';
import type { SystemRegistry } from './system-registry';

/** The part of tarn's pool (knex's) that the gauges read. */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

const poolOf = (knex: Knex): TarnPool | undefined =>
  (knex.client as { pool?: TarnPool }).pool ?? undefined;

/**
 * The database pool's connections in use and idle, and the queries waiting for one, read at
 * scrape time. Waiting acquires above zero mean the pool is too small or queries too slow.
 */
export const watchDbPool = (system: SystemRegistry, knex: () => Knex) => {
  const registers = [system.registry];
  new Gauge({
    name: METRIC.dbPoolConnections,
    help: 'Database pool connections by state (used, free)',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const pool = poolOf(knex());
      if (!pool) return;
      this.set({ state: 'used' }, pool.numUsed());
      this.set({ state: 'free' }, pool.numFree());
    },
  });
  new Gauge({
    name: METRIC.dbPoolPendingAcquires,
    help: 'Queries waiting for a database pool connection',
    registers,
    collect() {
      const pool = poolOf(knex());
      if (pool) this.set(pool.numPendingAcquires());
    },
  });
};
