import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { benchClinicSlug, PAGES_PER_CLINIC } from '../lib/bench-clinics.mjs';
import { onExit } from '../lib/cleanup.mjs';
import { buildClinicSite } from '../lib/clinic-site-target.mjs';
import { startCms } from '../lib/cms-target.mjs';

const CLINICS = 100;

/** @type {import('../lib/cases.mjs').BenchCase} */
export default {
  name: 'sites-static-build',
  description: `Static sites of ${CLINICS} clinics of ${PAGES_PER_CLINIC} pages each, exported in turns through the SSR build (exportClinicSite), read from the CMS over HTTP: an operation is one clinic's whole site written to disk`,
  scenario: new URL('../scenarios/sites-static-build.mjs', import.meta.url),

  async start() {
    const cms = await startCms({ clinics: CLINICS });
    try {
      await buildClinicSite();
    } catch (error) {
      await cms.stop();
      throw error;
    }
    const slugs = Array.from({ length: CLINICS }, (_, index) => benchClinicSlug(index));
    const root = mkdtempSync(path.join(tmpdir(), 'vh-bench-export-'));
    const removeSites = () => rmSync(root, { recursive: true, force: true });
    const forgetSites = onExit(removeSites);
    const stop = async () => {
      await cms.stop();
      removeSites();
      forgetSites();
    };
    return { url: cms.url, stop, options: { slugs, root } };
  },

  goals: [
    {
      label: 'pages/s',
      of: (result) => result.perSecond * PAGES_PER_CLINIC,
      atLeast: 150,
    },
  ],
};
