import { createRequire } from 'node:module';
import path from 'node:path';

import { compileCms } from './cms-build.mjs';
import { ensureEnvFile, loadEnvFile } from './env-file.mjs';
import { CMS_DIR } from './paths.mjs';

/**
 * Runs `task` against the CMS as configured in `.env` (its database, its plugins), without
 * serving HTTP, then shuts the CMS down. For one-off commands such as seeding or rotating keys.
 * @template T
 * @param {(strapi: any, app: { distDir: string, require: NodeJS.Require }) => Promise<T>} task
 * @returns {Promise<T>}
 */
export const withStrapi = async (task) => {
  ensureEnvFile();
  loadEnvFile();
  process.env.LOG_LEVEL ??= 'warn';
  await compileCms();

  const require = createRequire(path.join(CMS_DIR, 'package.json'));
  const { createStrapi } = require('@strapi/strapi');
  const distDir = path.join(CMS_DIR, 'dist');
  const strapi = await createStrapi({
    appDir: CMS_DIR,
    distDir,
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  try {
    return await task(strapi, { distDir, require });
  } finally {
    await strapi.destroy();
  }
};
