import type { Knex } from 'knex';

import { TABLES } from '../storage/tables';

/** A row of `metrics_events` as the collector builds it. */
export interface EventRow {
  site: string;
  day: string;
  at: number;
  visitor: string;
  name: string;
  path: string;
  referrer: string;
  utm_source: string;
  utm_medium: string;
  utm_campaign: string;
  device: string;
  browser: string;
  os: string;
  country: string;
}

const COLUMNS = 14;
// SQLite binds at most 32,766 variables (better-sqlite3 12 bundles SQLite 3.49), PostgreSQL
// 65,535: 500 rows of 14 columns stay well under both, in few statements (SQLite writes block
// the event loop, and each statement is compiled and prepared anew).
const ROWS_PER_INSERT = Math.floor(7000 / COLUMNS);

export interface EventBufferOptions {
  db: () => Knex;
  intervalMs: number;
  /** Events held at most; past it `accept` refuses (the endpoint answers 503). */
  capacity: number;
  onError: (error: unknown) => void;
}

/**
 * Accepted events wait here and are written every `intervalMs` in one transaction: multi-row
 * inserts into `metrics_events` plus the (site, day) pairs the roll-up must revisit. A crash
 * loses what arrived since the last write began (at most one interval plus that write's time);
 * `close()` writes the rest on shutdown. A failed write keeps its events for the next attempt,
 * within `capacity`.
 */
export const createEventBuffer = ({ db, intervalMs, capacity, onError }: EventBufferOptions) => {
  let waiting: EventRow[] = [];
  let writing: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  // Set by close(): Strapi runs plugin destroy before it closes the HTTP server, so beacons keep
  // arriving; refusing them (503) keeps "acknowledged means written" true through shutdown.
  let closed = false;

  const write = async (rows: EventRow[]) => {
    const pairs = new Map<string, { site: string; day: string }>();
    for (const row of rows) pairs.set(`${row.site}\n${row.day}`, { site: row.site, day: row.day });
    await db().transaction(async (trx) => {
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        await trx(TABLES.events).insert(rows.slice(i, i + ROWS_PER_INSERT));
      }
      await trx(TABLES.pending)
        .insert([...pairs.values()])
        .onConflict(['site', 'day'])
        .ignore();
    });
  };

  const flush = (): Promise<void> => {
    if (writing) return writing;
    if (waiting.length === 0) return Promise.resolve();
    const rows = waiting;
    waiting = [];
    writing = write(rows)
      .catch((error) => {
        // Keep them for the next attempt, as many as fit.
        waiting = rows.concat(waiting).slice(0, capacity);
        onError(error);
      })
      .finally(() => {
        writing = null;
      });
    return writing;
  };

  return {
    /** Takes events; false when the buffer is full or closed (nothing of them is taken). */
    accept(rows: EventRow[]): boolean {
      if (closed || waiting.length + rows.length > capacity) return false;
      for (const row of rows) waiting.push(row);
      return true;
    },
    start() {
      timer ??= setInterval(() => void flush(), intervalMs);
      // The timer alone must not keep a process alive.
      timer.unref();
    },
    /** Writes what waits now (after a write under way); for shutdown and tests. */
    async flush() {
      if (writing) await writing;
      await flush();
    },
    /** Stops the timer and writes the rest. */
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      timer = null;
      await this.flush();
      // A write failed during shutdown: one more attempt, then give up (logged).
      if (waiting.length > 0) await flush();
    },
    get size() {
      return waiting.length;
    },
    get closed() {
      return closed;
    },
  };
};

export type EventBuffer = ReturnType<typeof createEventBuffer>;
