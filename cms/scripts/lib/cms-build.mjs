import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { CMS_DIR, ROOT_DIR } from './paths.mjs';
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
export const buildPlugins = () =>
  run(process.execPath, [TSC, '-p', path.join(ROOT_DIR, 'plugins', 'sso')], { cwd: ROOT_DIR });

/** Compiles the plugins and the CMS's server code, without the admin panel (seconds). */
export const compileCms = async () => {
  await buildPlugins();
  const { compileStrapi } = createRequire(path.join(CMS_DIR, 'package.json'))('@strapi/strapi');
  await compileStrapi({ appDir: CMS_DIR });
};

/** Builds the plugins, then compiles the CMS and its admin panel (about a minute). */
export const buildCms = async () => {
  await buildPlugins();
  await run(process.execPath, [STRAPI_CLI, 'build'], { cwd: CMS_DIR });
  writeFileSync(STAMP, new Date().toISOString());
};
