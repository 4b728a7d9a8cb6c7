import path from 'node:path';

/** The CMS workspace, wherever the tests are started from. */
export const CMS_DIR = path.resolve(import.meta.dirname, '..');
export const CMS_DIST_DIR = path.join(CMS_DIR, 'dist');
export const PLUGIN_DIRS = [path.resolve(CMS_DIR, '..', 'plugins', 'sso')];
