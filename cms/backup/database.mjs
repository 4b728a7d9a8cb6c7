import { spawn } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';

import pg from 'pg';

import { BackupError } from './errors.mjs';
import { openSqlite } from './sqlite.mjs';

/**
 * The CMS's database, as `config/database.ts` reads it from the environment.
 * @typedef {{ client: 'sqlite', file: string }} SqliteTarget
 * @typedef {{ client: 'postgres', host: string, port: number, database: string, user: string,
 *   password: string, ssl: false | { rejectUnauthorized: boolean } }} PostgresTarget
 * @typedef {SqliteTarget | PostgresTarget} DatabaseTarget
 */

/** @param {PostgresTarget} target */
const pgClient = async (target) => {
  const { client: _client, ...connection } = target;
  const client = new pg.Client(connection);
  await client.connect();
  return client;
};

/**
 * The environment of pg_dump and pg_restore: libpq reads the connection from it, so that the
 * password is never on a command line.
 * @param {PostgresTarget} target
 */
const libpqEnv = (target) => ({
  ...process.env,
  PGHOST: target.host,
  PGPORT: String(target.port),
  PGDATABASE: target.database,
  PGUSER: target.user,
  PGPASSWORD: target.password,
  ...(target.ssl ? { PGSSLMODE: 'require' } : {}),
});

/**
 * Runs a PostgreSQL client program to its end.
 * @param {string} program @param {string[]} args @param {PostgresTarget} target
 * @param {'ERR_BACKUP_DUMP_FAILED' | 'ERR_BACKUP_RESTORE_FAILED'} code
 * @param {AbortSignal | undefined} signal
 */
const runClient = (program, args, target, code, signal) =>
  new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      env: libpqEnv(target),
      stdio: ['ignore', 'ignore', 'pipe'],
      signal,
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text) => (stderr = (stderr + text).slice(-4000)));
    child.on('error', (error) => {
      const missing = /** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT';
      reject(
        missing
          ? new BackupError(
              code,
              `${program} was not found: install the PostgreSQL client programs (postgresql-client, the server's major version or newer).`,
              { cause: error }
            )
          : error
      );
    });
    child.on('close', (exitCode) => {
      if (exitCode === 0) resolve(undefined);
      else reject(new BackupError(code, `${program} failed (exit ${exitCode}): ${stderr.trim()}`));
    });
  });

/**
 * A consistent copy of the live database in `file`: SQLite's online backup API (in one step, so
 * under a single read transaction however busy the CMS is), or pg_dump's custom format (one
 * snapshot).
 * @param {DatabaseTarget} target @param {string} file @param {{ signal?: AbortSignal }} [options]
 */
export const dumpDatabase = async (target, file, { signal } = {}) => {
  if (target.client === 'postgres') {
    await runClient(
      'pg_dump',
      ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`],
      target,
      'ERR_BACKUP_DUMP_FAILED',
      signal
    );
    return;
  }
  let db;
  try {
    db = openSqlite(target.file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError('ERR_BACKUP_NO_DATABASE', `No SQLite database at ${target.file}.`, {
      cause: error,
    });
  }
  try {
    // The first step copies nothing; the next copies every page at once.
    await db.backup(file, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
};

/**
 * The tables of the database, by name (`schema.table` on PostgreSQL); none for a SQLite file
 * that is not there yet.
 * @param {DatabaseTarget} target
 * @returns {Promise<string[]>}
 */
export const listTables = async (target) => {
  if (target.client === 'sqlite') {
    let db;
    try {
      db = openSqlite(target.file, { readonly: true, fileMustExist: true });
    } catch {
      return [];
    }
    try {
      return db
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
        .pluck()
        .all()
        .map(String)
        .sort();
    } finally {
      db.close();
    }
  }
  const client = await pgClient(target);
  try {
    const { rows } = await client.query(
      `select table_schema || '.' || table_name as name from information_schema.tables
       where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
       order by 1`
    );
    return rows.map((row) => String(row.name));
  } finally {
    await client.end();
  }
};

/**
 * How many rows each table holds: what a restore drill compares.
 * @param {DatabaseTarget} target
 * @returns {Promise<Record<string, number>>}
 */
export const countRows = async (target) => {
  const tables = await listTables(target);
  /** @type {Record<string, number>} */
  const counts = {};
  if (target.client === 'sqlite') {
    const db = openSqlite(target.file, { readonly: true, fileMustExist: true });
    try {
      for (const table of tables) {
        const quoted = `"${table.replaceAll('"', '""')}"`;
        counts[table] = Number(db.prepare(`select count(*) from ${quoted}`).pluck().get());
      }
    } finally {
      db.close();
    }
    return counts;
  }
  const client = await pgClient(target);
  try {
    for (const table of tables) {
      const quoted = table
        .split('.')
        .map((part) => client.escapeIdentifier(part))
        .join('.');
      const { rows } = await client.query(`select count(*)::bigint as n from ${quoted}`);
      counts[table] = Number(rows[0].n);
    }
  } finally {
    await client.end();
  }
  return counts;
};

/** @param {DatabaseTarget} target */
export const describeTarget = (target) =>
  target.client === 'sqlite'
    ? `the SQLite database ${target.file}`
    : `the PostgreSQL database "${target.database}" at ${target.host}:${target.port}`;

/**
 * Refuses a database that holds tables: a restore never mixes into data.
 * @param {DatabaseTarget} target
 * @throws {BackupError} `ERR_BACKUP_TARGET_NOT_EMPTY`
 */
export const assertEmpty = async (target) => {
  const tables = await listTables(target);
  if (tables.length > 0) {
    throw new BackupError(
      'ERR_BACKUP_TARGET_NOT_EMPTY',
      `Refusing to restore: ${describeTarget(target)} is not empty (${tables.length} tables, e.g. ${tables[0]}). Restore into an empty database: point the database settings at a new one, or drop this one first.`
    );
  }
};

/**
 * Loads a copy made by `dumpDatabase` into the empty `target`: pg_restore in one transaction, or
 * the SQLite file checked, then moved into place.
 * @param {DatabaseTarget} target @param {string} file
 */
export const restoreDatabase = async (target, file) => {
  if (target.client === 'postgres') {
    await runClient(
      'pg_restore',
      [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--single-transaction',
        `--dbname=${target.database}`,
        file,
      ],
      target,
      'ERR_BACKUP_RESTORE_FAILED',
      undefined
    );
    return;
  }
  const db = openSqlite(file, { fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new BackupError(
        'ERR_BACKUP_RESTORE_FAILED',
        `The SQLite copy fails its check: ${check}`
      );
    }
  } finally {
    db.close();
  }
  await assertEmpty(target);
  await Promise.all(['-wal', '-shm'].map((end) => rm(`${target.file}${end}`, { force: true })));
  await rename(file, target.file);
};
