import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

import { createTestDatabase, type TestDatabase } from '@vixenhealth/tooling/testing/test-database';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  backupSettings,
  createBackup,
  generateBackupKey,
  parseBackupKey,
  restoreBackup,
} from '../index.mjs';
import { openSqlite } from '../sqlite.mjs';

/*
 * A backup taken while writes go on is one moment of the database: every write is a transaction
 * that adds an order and its line and raises the total, so a backup that saw half of one, or
 * different moments of different tables, breaks `orders = lines` or `total = sum(amount)`.
 */

const key = parseBackupKey(generateBackupKey());
const CMS_REQUIRE = createRequire(path.resolve(import.meta.dirname, '..', '..', 'package.json'));
const SCHEMA = `
  create table orders (id integer primary key, amount integer not null, padding text not null);
  create table order_lines (id integer primary key, order_id integer not null, padding text not null);
  create table totals (id integer primary key, total integer not null);
  insert into totals (id, total) values (1, 0);`;
const PADDING = 'x'.repeat(400);
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'vixenhealth-backup-writes-'));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** A worker thread that writes orders into the SQLite file until told to stop. */
const sqliteWriter = (file: string) => {
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const Database = require(workerData.driver);
     const db = new Database(workerData.file);
     db.pragma('busy_timeout = 5000');
     const order = db.prepare('insert into orders (amount, padding) values (?, ?)');
     const line = db.prepare('insert into order_lines (order_id, padding) values (?, ?)');
     const total = db.prepare('update totals set total = total + ? where id = 1');
     const write = db.transaction((amount) => {
       const { lastInsertRowid } = order.run(amount, workerData.padding);
       line.run(lastInsertRowid, workerData.padding);
       total.run(amount);
     });
     let written = 0;
     while (Atomics.load(workerData.stop, 0) === 0) write(1 + (written++ % 7));
     db.close();
     require('node:worker_threads').parentPort.postMessage(written);`,
    {
      eval: true,
      workerData: { file, stop, padding: PADDING, driver: CMS_REQUIRE.resolve('better-sqlite3') },
    }
  );
  const done = new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    stop: () => {
      Atomics.store(stop, 0, 1);
      return done;
    },
  };
};

const checkSqlite = (file: string) => {
  const db = openSqlite(file, { readonly: true, fileMustExist: true });
  try {
    const one = (sql: string) => Number(db.prepare(sql).pluck().get());
    return {
      orders: one('select count(*) from orders'),
      lines: one('select count(*) from order_lines'),
      total: one('select total from totals'),
      sum: one('select coalesce(sum(amount), 0) from orders'),
    };
  } finally {
    db.close();
  }
};

describe('a backup taken while writes go on', () => {
  it('is one moment of a SQLite database', async () => {
    const file = path.join(work, 'busy.db');
    const db = openSqlite(file);
    db.pragma('journal_mode = WAL');
    db.exec(SCHEMA);
    // Some megabytes, so that the copy takes a while.
    const fill = db.transaction(() => {
      const order = db.prepare('insert into orders (amount, padding) values (?, ?)');
      const line = db.prepare('insert into order_lines (order_id, padding) values (?, ?)');
      for (let i = 1; i <= 10_000; i++) {
        order.run(1, PADDING);
        line.run(i, PADDING);
      }
      db.prepare('update totals set total = 10000 where id = 1').run();
    });
    fill();
    db.close();

    const writer = sqliteWriter(file);
    // Let the writer get going.
    while (checkSqlite(file).orders < 10_100)
      await new Promise((resolve) => setTimeout(resolve, 5));
    const before = checkSqlite(file).orders;
    const settings = {
      database: { client: 'sqlite' as const, file },
      folders: {},
      backupDir: work,
      keep: { daily: 7, weekly: 4, monthly: 12 },
      time: '03:30',
    };
    const { file: backup } = await createBackup({ settings, key });
    const after = checkSqlite(file).orders;
    await writer.stop();

    const restored = path.join(work, 'restored', 'data.db');
    await restoreBackup({
      file: backup,
      key,
      settings: { database: { client: 'sqlite', file: restored }, folders: {} },
    });
    const seen = checkSqlite(restored);
    expect(seen.lines).toBe(seen.orders);
    expect(seen.total).toBe(seen.sum);
    expect(seen.orders).toBeGreaterThanOrEqual(before);
    expect(seen.orders).toBeLessThanOrEqual(after);
    // Writes went on during the backup.
    expect(after).toBeGreaterThan(before);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('is one moment of a PostgreSQL database', async () => {
    const database: TestDatabase = await createTestDatabase();
    const target: TestDatabase = await createTestDatabase();
    const settings = {
      ...backupSettings({ ...process.env, ...database.env }),
      folders: {},
      backupDir: path.join(work, 'pg'),
    };
    const client = new pg.Client({ connectionString: database.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(SCHEMA.replace(/integer primary key/g, 'serial primary key'));
      await client.query(
        `insert into orders (amount, padding) select 1, $1 from generate_series(1, 10000);
         insert into order_lines (order_id, padding) select id, padding from orders;
         update totals set total = 10000;`.replace('$1', `'${PADDING}'`)
      );
      let stopping = false;
      let written = 0;
      const writing = (async () => {
        while (!stopping) {
          const amount = 1 + (written++ % 7);
          await client.query('begin');
          const { rows } = await client.query(
            'insert into orders (amount, padding) values ($1, $2) returning id',
            [amount, PADDING]
          );
          await client.query('insert into order_lines (order_id, padding) values ($1, $2)', [
            rows[0].id,
            PADDING,
          ]);
          await client.query('update totals set total = total + $1 where id = 1', [amount]);
          await client.query('commit');
        }
      })();
      while (written < 50) await new Promise((resolve) => setTimeout(resolve, 5));
      const before = written;
      const { file: backup } = await createBackup({ settings, key });
      const after = written;
      stopping = true;
      await writing;

      const targetSettings = backupSettings({ ...process.env, ...target.env });
      await restoreBackup({
        file: backup,
        key,
        settings: { database: targetSettings.database, folders: {} },
      });
      const check = new pg.Client({ connectionString: target.env.DATABASE_URL });
      await check.connect();
      try {
        const { rows } = await check.query(
          `select (select count(*) from orders)::int as orders, (select count(*) from order_lines)::int as lines,
                  (select total from totals)::int as total, (select sum(amount) from orders)::int as sum`
        );
        expect(rows[0].lines).toBe(rows[0].orders);
        expect(rows[0].total).toBe(rows[0].sum);
        expect(rows[0].orders).toBeGreaterThan(10_000);
      } finally {
        await check.end();
      }
      expect(after).toBeGreaterThan(before);
    } finally {
      await client.end();
      await database.drop();
      await target.drop();
    }
  });
});
