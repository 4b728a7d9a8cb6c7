import { createRequire } from 'node:module';

import { CMS_DIR } from './paths';

/** Compiles the CMS once for the whole run, so each test file only loads it (about 2 s). */
export default async function compileCms() {
  const require = createRequire(`${CMS_DIR}/package.json`);
  const { compileStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  await compileStrapi({ appDir: CMS_DIR });
}
