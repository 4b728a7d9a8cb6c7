import path from 'node:path';

import { cmsRequire } from './cms-require.mjs';

/**
 * The Strapi CLI script of the CMS's own `@strapi/strapi`. Running it with `node` directly,
 * rather than through npx, lets Ctrl+C reach Strapi itself.
 */
export const STRAPI_CLI = path.join(
  path.dirname(cmsRequire.resolve('@strapi/strapi/package.json')),
  'bin',
  'strapi.js'
);
