import { requireStrapi } from '@vixenhealth/tooling/lib/cms-require';
import { CMS_DIR, CMS_DIST_DIR } from '@vixenhealth/tooling/lib/paths';

/**
 * The compiled CMS, loaded in this process as the tests' strapi-harness loads it: no admin
 * panel, no reload. Runs the bootstrap too: on an empty database it seeds the demo data.
 */
export const loadCms = async () => {
  const strapi = requireStrapi().createStrapi({
    appDir: CMS_DIR,
    distDir: CMS_DIST_DIR,
    autoReload: false,
    serveAdminPanel: false,
  });
  await strapi.load();
  return strapi;
};
