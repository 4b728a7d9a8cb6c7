import { createRequire } from 'node:module';
import path from 'node:path';

import { CMS_DIR } from './paths.mjs';

/**
 * The Strapi CLI script of the CMS's own `@strapi/strapi`. Running it with `node` directly,
 * rather than through npx, lets Ctrl+C reach Strapi itself.
 */
export const STRAPI_CLI = path.join(
  path.dirname(
    createRequire(path.join(CMS_DIR, 'package.json')).resolve('@strapi/strapi/package.json')
  ),
  'bin',
  'strapi.js'
);
