import { createRequire } from 'node:module';
import path from 'node:path';

import { CMS_DIR } from './paths.mjs';

/** Resolves and loads modules as the CMS does: npm may install its packages in cms/, not the root. */
export const cmsRequire = createRequire(path.join(CMS_DIR, 'package.json'));

/**
 * The CMS's own copy of Strapi.
 * @returns {typeof import('@strapi/strapi')}
 */
export const requireStrapi = () => cmsRequire('@strapi/strapi');
