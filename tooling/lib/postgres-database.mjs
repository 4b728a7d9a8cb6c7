import { randomBytes } from 'node:crypto';

import pg from 'pg';

/**
 * A fresh, empty PostgreSQL database on the server `serverUrl` names (any database of it, e.g.
 * `/postgres`), for one test file or one benchmark run; `drop()` removes it, connections and all.
 * @example
 * ```ts
 * const database = await createPostgresDatabase('postgres://postgres@127.0.0.1:5432/postgres');
 * const cms = await startCms({ env: database.env });
 * await database.drop();
 * ```
 * @param {string} serverUrl
 * @param {string} [prefix] the database's name starts with it, so that leftovers can be told apart
 * @returns {Promise<{ env: Record<string, string>, drop(): Promise<void> }>} `env`: the CMS's
 *   settings for it (`DATABASE_CLIENT`, `DATABASE_URL`)
 */
export const createPostgresDatabase = async (serverUrl, prefix = 'vh_test') => {
  const name = `${prefix}_${process.pid}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  /** @param {string} sql */
  const onServer = async (sql) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await onServer(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
    drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
};
