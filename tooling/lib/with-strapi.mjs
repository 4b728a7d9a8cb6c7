import { compileCms } from './cms-build.mjs';
import { cmsRequire, requireStrapi } from './cms-require.mjs';
import { ensureEnvFile, loadEnvFile } from './env-file.mjs';
import { CMS_DIR, CMS_DIST_DIR } from './paths.mjs';

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

  const strapi = await requireStrapi()
    .createStrapi({
      appDir: CMS_DIR,
      distDir: CMS_DIST_DIR,
      autoReload: false,
      serveAdminPanel: false,
    })
    .load();
  try {
    return await task(strapi, { distDir: CMS_DIST_DIR, require: cmsRequire });
  } finally {
    await strapi.destroy();
  }
};
