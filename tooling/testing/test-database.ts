import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import pg from 'pg';

/** A database of one's own for one test file: a temp SQLite file, or a fresh PostgreSQL database. */
export interface TestDatabase {
  /** Settings for the CMS's config/database.ts. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

const postgresDatabase = async (adminUrl: string): Promise<TestDatabase> => {
  const name = `vh_test_${process.pid}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
};

const sqliteDatabase = (): TestDatabase => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vh-test-'));
  return {
    env: {
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(dir, 'data.db'),
      DATABASE_URL: '',
    },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** PostgreSQL when TEST_DATABASE_URL names a server to create databases on, SQLite otherwise. */
export const createTestDatabase = (): Promise<TestDatabase> => {
  const adminUrl = process.env.TEST_DATABASE_URL;
  return adminUrl ? postgresDatabase(adminUrl) : Promise.resolve(sqliteDatabase());
};
