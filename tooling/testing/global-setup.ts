import { ensureClinicSiteBuilt } from '../lib/clinic-site.mjs';
import { buildCms, cmsBuildIsStale, compileCms } from '../lib/cms-build.mjs';
import { ensurePortalBuilt } from '../lib/portal-site.mjs';

/**
 * Builds the local plugins and compiles the CMS once for the whole run, so each test file only
 * loads it (about 2 s). When the sources changed since the last full build, the admin panel is
 * built too (about a minute), as the browser tests of its pages need it; `npm start` then finds
 * it built. The clinic sites' server and the portal are built too when their sources changed.
 */
export default async function buildForTests() {
  // The plugins first: the sites bundle their contracts, which a fresh clone has not compiled.
  await (cmsBuildIsStale() ? buildCms() : compileCms());
  // The sites' servers are built once here, not by each test file that runs them at the same time.
  await ensureClinicSiteBuilt();
  await ensurePortalBuilt();
}
