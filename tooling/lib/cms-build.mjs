import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { cmsRequire } from './cms-require.mjs';
import { CMS_DIR, PLUGIN_DIRS, ROOT_DIR } from './paths.mjs';
import { run } from './processes.mjs';
import { STRAPI_CLI } from './strapi-cli.mjs';

const TSC = createRequire(path.join(ROOT_DIR, 'package.json')).resolve('typescript/bin/tsc');
const STAMP = path.join(CMS_DIR, 'dist', '.build-stamp');
const SOURCES = ['cms/src', 'cms/config', 'cms/package.json', 'package-lock.json', 'plugins'];
const SKIPPED = new Set(['node_modules', 'dist', '__tests__', '.strapi', '.tmp']);

/** @param {string} file @returns {number} the newest modification time below `file` */
export const newestChange = (file) => {
  if (!existsSync(file)) return 0;
  const stats = statSync(file);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(file)
    .filter((name) => !SKIPPED.has(name))
    .reduce((newest, name) => Math.max(newest, newestChange(path.join(file, name))), stats.mtimeMs);
};

/** True when the CMS (server code and admin panel) was never built, or its sources changed since. */
export const cmsBuildIsStale = () => {
  if (!existsSync(STAMP) || !existsSync(path.join(CMS_DIR, 'dist', 'build'))) return true;
  const builtAt = statSync(STAMP).mtimeMs;
  return SOURCES.some((source) => newestChange(path.join(ROOT_DIR, source)) > builtAt);
};

/** Compiles the local plugins: Strapi silently skips a plugin that was not built. */
export const buildPlugins = async () => {
  for (const pluginDir of PLUGIN_DIRS) {
    await run(process.execPath, [TSC, '-p', pluginDir], { cwd: ROOT_DIR });
  }
};

/**
 * Compiles the plugins and the CMS's server code, without the admin panel (seconds). Strapi's
 * compiler ends the whole process on a TypeScript error: a caller that must survive one (the
 * benchmark) runs this in a child process.
 */
export const compileCms = async () => {
  await buildPlugins();
  await cmsRequire('@strapi/strapi').compileStrapi({ appDir: CMS_DIR });
};

/** Builds the plugins, then compiles the CMS and its admin panel (about a minute). */
export const buildCms = async () => {
  await buildPlugins();
  await run(process.execPath, [STRAPI_CLI, 'build'], { cwd: CMS_DIR });
  writeFileSync(STAMP, new Date().toISOString());
};
