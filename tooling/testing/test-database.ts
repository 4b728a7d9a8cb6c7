import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { createPostgresDatabase } from '../lib/postgres-database.mjs';

/** A database of one's own for one test file: a temp SQLite file, or a fresh PostgreSQL database. */
export interface TestDatabase {
  /** Settings for the CMS's config/database.ts. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

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
  return adminUrl ? createPostgresDatabase(adminUrl) : Promise.resolve(sqliteDatabase());
};
