import path from 'node:path';

import { cmsRequire } from './cms-require.mjs';
import { CMS_DIR } from './paths.mjs';

/** Where Strapi keeps the types it generates from the schemas; checked in, so code is typed by them. */
export const TYPES_DIR = path.join(CMS_DIR, 'types');
export const GENERATED_TYPE_FILES = ['contentTypes.d.ts', 'components.d.ts'];

/**
 * Writes the types of the CMS's content types and components into `<typesDir>/generated/`, as
 * `strapi ts:generate-types` and `strapi develop` write them into `cms/types/generated/`.
 * @param {any} strapi a registered Strapi
 * @param {string} [typesDir]
 */
export const generateTypes = async (strapi, typesDir = TYPES_DIR) => {
  const { generators } = cmsRequire('@strapi/typescript-utils');
  await generators.generate({
    strapi,
    pwd: typesDir,
    rootDir: '.',
    logger: { silent: true },
    artifacts: { contentTypes: true, components: true },
  });
};
