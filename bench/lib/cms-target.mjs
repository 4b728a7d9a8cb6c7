import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { freeLoopbackPort } from '@vixenhealth/tooling/lib/free-port';
import { isolatedCmsEnv } from '@vixenhealth/tooling/lib/isolated-env';
import { waitForHttp } from '@vixenhealth/tooling/lib/wait-for-http';

import { onceChild, startChild } from './child.mjs';
import { onExit } from './cleanup.mjs';

/** A fresh password that passes the admin panel's rules: upper and lower case, digits, 8+. */
const password = () => `Bench-${randomBytes(12).toString('hex')}-A1`;

/**
 * A run's fresh secrets and first admin (a Super Admin): one CMS's, or shared by the nodes of a
 * cluster (see cms-cluster.mjs).
 */
export const benchSecrets = () =>
  isolatedCmsEnv({
    adminEmail: 'bench-admin@vixenhealth.local',
    adminPassword: password(),
    demoUserPassword: password(),
  });

/**
 * Builds the plugins and compiles the CMS once per run, however many cases use it; tsc is
 * incremental when unchanged.
 */
export const compileCms = onceChild(new URL('./cms-compile.mjs', import.meta.url), {
  label: 'CMS compile (TypeScript errors above)',
  timeoutMs: 300_000,
});

/**
 * The CMS's settings for one benchmark run: development mode, the one the demo data is meant
 * for; fresh secrets; a database of its own that nothing else touches; and VixenHealth ID's
 * issuer, which must be the URL the CMS will listen on.
 * @param {string} dataDir
 * @param {string} url
 * @param {number} clinics the case's own content besides the demo data: clinics, and
 * @param {number} [docPages] public doc pages
 * @param {{ users: number, secret: string }} [totp] accounts with an authenticator app, and its
 *   secret (see bench-totp-users.mjs)
 * @returns {NodeJS.ProcessEnv}
 */
export const cmsEnv = (dataDir, url, clinics, docPages = 0, totp = { users: 0, secret: '' }) => ({
  ...process.env,
  ...benchSecrets(),
  NODE_ENV: 'development',
  LOG_LEVEL: 'warn',
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: path.join(dataDir, 'data.db'),
  DATABASE_URL: '',
  DEMO_DATA: 'true',
  ID_ISSUER: `${url}/id`,
  BENCH_CLINICS: String(clinics),
  BENCH_DOC_PAGES: String(docPages),
  BENCH_TOTP_USERS: String(totp.users),
  BENCH_TOTP_SECRET: totp.secret,
});

/**
 * A running CMS.
 * @typedef {object} Cms
 * @property {string} url its origin, `http://127.0.0.1:<port>`
 * @property {string} issuer VixenHealth ID's issuer, `<url>/id`
 * @property {string} databaseFile its SQLite file, for cases that fill tables the API only reads
 * @property {{ demoClientSecret: string, demoUserPassword: string }} secrets of this run's demo
 *   data: the `demo-service` client's secret, and the demo users' password
 * @property {{ email: string, password: string }} admin the first admin-panel user (a Super
 *   Admin), for cases that set the CMS up through its admin API
 * @property {() => Promise<void>} stop
 */

/**
 * Starts the real CMS on a fresh SQLite database seeded with the demo data, in a child process,
 * listening on a free port of 127.0.0.1.
 * @param {{ clinics?: number, docPages?: number, totpUsers?: number, totpSecret?: string, env?: Record<string, string> }} [options]
 *   `env`: settings that differ for the case (e.g. `PUBLIC_CACHE: 'off'`); `clinics`: published clinics added
 *   to the demo data, each with doctors, pages and services (see bench-clinics.mjs); `docPages`:
 *   published public doc pages added to it (see bench-doc-pages.mjs); `totpUsers`, `totpSecret`:
 *   accounts with an authenticator app (see bench-totp-users.mjs)
 * @returns {Promise<Cms>}
 */
export const startCms = async ({
  clinics = 0,
  docPages = 0,
  totpUsers = 0,
  totpSecret = '',
  env: caseEnv = {},
} = {}) => {
  await compileCms();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vh-bench-'));
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  const forgetData = onExit(removeData);
  /** @type {import('./child.mjs').Child | undefined} */
  let server;
  const stop = async () => {
    await server?.stop();
    removeData();
    forgetData();
  };

  try {
    const port = await freeLoopbackPort();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      ...cmsEnv(dataDir, url, clinics, docPages, { users: totpUsers, secret: totpSecret }),
      ...caseEnv,
    };
    server = await startChild(new URL('./cms-server.mjs', import.meta.url), {
      label: 'CMS',
      args: [String(port)],
      env,
      // Booting includes migrations and seeding the demo data, and the case's content.
      timeoutMs: 180_000 + clinics * 2_000 + docPages * 200 + totpUsers * 50,
    });
    await waitForHttp(`${url}/_health`, { timeoutMs: 30_000 });
    const secrets = {
      demoClientSecret: String(env.ID_DEMO_CLIENT_SECRET),
      demoUserPassword: String(env.DEMO_USER_PASSWORD),
    };
    const admin = { email: String(env.ADMIN_EMAIL), password: String(env.ADMIN_PASSWORD) };
    return {
      url,
      issuer: `${url}/id`,
      databaseFile: String(env.DATABASE_FILENAME),
      secrets,
      admin,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
