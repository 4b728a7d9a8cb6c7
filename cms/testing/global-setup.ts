import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

import { ensureClinicSiteBuilt } from '../scripts/lib/clinic-site.mjs';
import { buildCms, cmsBuildIsStale } from '../scripts/lib/cms-build.mjs';
import { ensurePortalBuilt } from '../scripts/lib/portal-site.mjs';
import { CMS_DIR, PLUGIN_DIRS } from './paths';

/**
 * Builds the local plugins and compiles the CMS once for the whole run, so each test file only
 * loads it (about 2 s). Strapi silently skips a plugin that was not built. When the sources
 * changed since the last full build, the admin panel is built too (about a minute), as the
 * browser tests of its pages need it; `npm start` then finds it built. The clinic sites' server
 * and the portal are built too when their sources changed.
 */
export default async function compileCms() {
  // The sites' servers are built once here, not by each test file that runs them at the same time.
  await ensureClinicSiteBuilt();
  await ensurePortalBuilt();
  if (cmsBuildIsStale()) {
    await buildCms();
    return;
  }
  const require = createRequire(`${CMS_DIR}/package.json`);
  for (const pluginDir of PLUGIN_DIRS) {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', pluginDir], {
      stdio: 'inherit',
    });
  }
  const { compileStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  await compileStrapi({ appDir: CMS_DIR });
}
