import { createRequire } from 'node:module';
import path from 'node:path';

/** The CMS workspace, wherever the benchmark is started from. */
export const CMS_DIR = path.resolve(import.meta.dirname, '../../cms');
export const CMS_DIST_DIR = path.join(CMS_DIR, 'dist');
/** Local plugins, built before the CMS: Strapi silently skips a plugin that was not built. */
export const PLUGIN_DIRS = [path.resolve(CMS_DIR, '../plugins/sso')];

/** Resolves and loads modules from cms/, as npm may install the CMS's there, not at the root. */
export const cmsRequire = createRequire(path.join(CMS_DIR, 'package.json'));

/**
 * The CMS's own copy of Strapi.
 * @returns {typeof import('@strapi/strapi')}
 */
export const requireStrapi = () => cmsRequire('@strapi/strapi');
