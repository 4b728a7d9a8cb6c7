// One clinic's static site per iteration, exported by this process (one SSR server shared by
// every user, as a deploy worker would), the clinics in turns. Run by lib/scenario-worker.mjs.
import path from 'node:path';

import { exportClinicSite } from '@vixenhealth/clinic-site/exporter';

import { PAGES_PER_CLINIC } from '../lib/bench-clinics.mjs';

/** The sitemap's pages, then sitemap.xml, robots.txt and 404.html. */
const FILES_PER_CLINIC = PAGES_PER_CLINIC + 3;

/** @type {import('../lib/scenario.mjs').Scenario} */
export default async ({ url, options }) => {
  /** @type {{ slugs: string[], root: string }} */
  const { slugs, root } = options;
  // Each site goes to a folder of its own, left there: removing it is no part of what is
  // measured; the case removes them all when it stops.
  let next = 0;

  return async () => {
    const run = next++;
    const slug = slugs[run % slugs.length];
    const outDir = path.join(root, `${process.pid}-${run}`);
    const { pages } = await exportClinicSite({ slug, outDir, cmsUrl: url });
    if (pages !== FILES_PER_CLINIC) {
      throw new Error(`${slug}: ${pages} files, expected ${FILES_PER_CLINIC}`);
    }
  };
};
