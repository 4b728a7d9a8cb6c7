import { spawn, type ChildProcess } from 'node:child_process';

import type { Knex } from 'knex';

import { signInAdmin } from '../lib/cms-admin-api.mjs';
import { cmsRequire } from '../lib/cms-require.mjs';
import { freeLoopbackPort } from '../lib/free-port.mjs';
import { isolatedCmsEnv } from '../lib/isolated-env.mjs';
import { CMS_DIR } from '../lib/paths.mjs';
import { STRAPI_CLI } from '../lib/strapi-cli.mjs';
import { waitForHttp } from '../lib/wait-for-http.mjs';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface CmsProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Resolves with the exit signal or code once the process ended. */
  exited: Promise<NodeJS.Signals | number | null>;
  /** Opens the process's database from the outside (after it died, for instance). */
  openDatabase(): Knex;
  /** Kills the process if still running and drops its database. */
  cleanup(): Promise<void>;
}

const knexOf = (database: TestDatabase): Knex => {
  const knex = cmsRequire('knex') as (config: Knex.Config) => Knex;
  return database.env.DATABASE_CLIENT === 'postgres'
    ? knex({ client: 'pg', connection: database.env.DATABASE_URL })
    : knex({
        client: 'better-sqlite3',
        connection: { filename: database.env.DATABASE_FILENAME! },
        useNullAsDefault: true,
      });
};

/** Connections to a test database from the outside, all closed together. */
const databaseOpener = (database: TestDatabase) => {
  const opened: Knex[] = [];
  return {
    open() {
      const db = knexOf(database);
      opened.push(db);
      return db;
    },
    closeAll: () => Promise.all(opened.map((db) => db.destroy())),
  };
};

/** One `strapi start` child on `database`, with `env` over the test defaults, on a free port. */
const spawnCms = async (
  database: TestDatabase,
  shared: Record<string, string>,
  env: Record<string, string>
) => {
  const port = await freeLoopbackPort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [STRAPI_CLI, 'start'], {
    cwd: CMS_DIR,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      ...shared,
      DEMO_DATA: 'false',
      // As in strapi-harness.ts: tests may sign any admin in with a password.
      ADMIN_PASSWORD_SIGN_IN: 'on',
      HOST: '127.0.0.1',
      PORT: String(port),
      ID_ISSUER: `${baseUrl}/id`,
      ...database.env,
      ...env,
    },
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code))
  );
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  try {
    await waitForHttp(`${baseUrl}/_health`, {
      timeoutMs: 90_000,
      isAlive: () => child.exitCode === null && child.signalCode === null,
    });
  } catch (error) {
    await kill();
    throw error;
  }
  return { child, baseUrl, exited, kill };
};

/** The first admin-panel user of every CMS these helpers start (a Super Admin). */
const TEST_ADMIN = { email: 'admin@test.vixenhealth.local', password: 'Test-admin-password-1' };

const testSecrets = () =>
  isolatedCmsEnv({
    adminEmail: TEST_ADMIN.email,
    adminPassword: TEST_ADMIN.password,
    demoUserPassword: 'Demo-user-password-1',
  });

/** A token of the test admin at one node, for the admin panel's API. */
export const adminTokenAt = (baseUrl: string): Promise<string> => signInAdmin(baseUrl, TEST_ADMIN);

/**
 * Runs the built CMS as the platform does (`strapi start` in `cms/`), in a child process on a
 * database of its own, for tests that must kill it (`kill -9`) or signal it (SIGTERM) and then
 * look at what it left in the database.
 * @example
 * ```ts
 * const cms = await startCmsProcess({ METRICS_FLUSH_INTERVAL_MS: '1000' });
 * cms.child.kill('SIGKILL');
 * await cms.exited;
 * const db = cms.openDatabase();
 * ```
 */
export const startCmsProcess = async (env: Record<string, string> = {}): Promise<CmsProcess> => {
  const database = await createTestDatabase();
  const connections = databaseOpener(database);
  let node: Awaited<ReturnType<typeof spawnCms>>;
  try {
    node = await spawnCms(database, testSecrets(), env);
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    child: node.child,
    baseUrl: node.baseUrl,
    exited: node.exited,
    openDatabase: connections.open,
    async cleanup() {
      await node.kill();
      await connections.closeAll();
      await database.drop();
    },
  };
};

/** Several CMS nodes of one platform: one database, the same secrets, each its own port. */
export interface CmsCluster {
  nodes: { child: ChildProcess; baseUrl: string; exited: Promise<unknown> }[];
  /** Opens the nodes' database from the outside. */
  openDatabase(): Knex;
  cleanup(): Promise<void>;
}

/**
 * Starts `count` CMS processes on one fresh database, one after the other (the first creates
 * the tables), sharing their secrets as a platform's nodes do. `env` is given to every node
 * (e.g. `REDIS_URL`); `perNode(i)` adds what differs.
 */
export const startCmsCluster = async (
  count: number,
  env: Record<string, string> = {},
  perNode: (index: number) => Record<string, string> = () => ({})
): Promise<CmsCluster> => {
  const database = await createTestDatabase();
  const shared = testSecrets();
  const nodes: Awaited<ReturnType<typeof spawnCms>>[] = [];
  const connections = databaseOpener(database);
  const cleanup = async () => {
    await Promise.all(nodes.map((node) => node.kill()));
    await connections.closeAll();
    await database.drop();
  };
  try {
    for (let index = 0; index < count; index += 1) {
      nodes.push(await spawnCms(database, shared, { ...env, ...perNode(index) }));
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
  return {
    nodes,
    openDatabase: connections.open,
    cleanup,
  };
};
