import { randomBytes } from 'node:crypto';

import { createPostgresDatabase } from '@vixenhealth/tooling/lib/postgres-database';

import { benchSecrets, startCms } from './cms-target.mjs';

/** The PostgreSQL server a cluster's database is created on. */
const DATABASE_SERVER =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Nodes of one platform, as production runs them: `count` CMS processes on one fresh PostgreSQL
 * database and one Redis (a key prefix of the run's own), with the same secrets, each on a port of
 * its own. Started one after the other: the first creates the tables and seeds the demo data.
 * Without PostgreSQL the case fails at once, saying where it looked.
 * @param {number} count
 * @returns {Promise<{ urls: string[], admin: { email: string, password: string }, stop(): Promise<void> }>}
 */
export const startCmsCluster = async (count) => {
  const database = await createPostgresDatabase(DATABASE_SERVER, 'vh_bench').catch((error) => {
    throw new Error(
      `needs PostgreSQL: none at ${DATABASE_SERVER} (BENCH_DATABASE_URL): ${error.message}`
    );
  });
  const shared = {
    ...benchSecrets(),
    ...database.env,
    REDIS_URL,
    REDIS_PREFIX: `bench-${randomBytes(6).toString('hex')}:`,
  };
  /** @type {import('./cms-target.mjs').Cms[]} */
  const nodes = [];
  const stop = async () => {
    await Promise.all(nodes.map((node) => node.stop()));
    await database.drop();
  };
  try {
    for (let index = 0; index < count; index += 1) nodes.push(await startCms({ env: shared }));
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls: nodes.map((node) => node.url), admin: nodes[0].admin, stop };
};
