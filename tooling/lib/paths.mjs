import path from 'node:path';

/** The repository's root, wherever a script or test is started from. */
export const ROOT_DIR = path.resolve(import.meta.dirname, '..', '..');
export const CMS_DIR = path.join(ROOT_DIR, 'cms');
export const CMS_DIST_DIR = path.join(CMS_DIR, 'dist');
/** Local plugins, built before the CMS: Strapi silently skips a plugin that was not built. */
export const PLUGIN_DIRS = ['sso', 'support', 'metrics', 'telephony'].map((name) =>
  path.join(ROOT_DIR, 'plugins', name)
);
export const ENV_FILE = path.join(ROOT_DIR, '.env');
export const ENV_EXAMPLE_FILE = path.join(ROOT_DIR, '.env.example');
export const CLINIC_SITE_DIR = path.join(ROOT_DIR, 'sites', 'clinic');
export const PORTAL_SITE_DIR = path.join(ROOT_DIR, 'sites', 'portal');
export const DOCS_SITE_DIR = path.join(ROOT_DIR, 'docs-site');
