// `npm run build:clinic -- <slug>`: one clinic's whole site as static files, from the running
// CMS (CMS_URL, default this machine's), in sites/clinic/dist-static/<slug>/, with absolute
// links to http://<subdomain>.localhost. Rendered through the clinic sites' server build,
// rebuilt first when its sources changed.
import { rmSync } from 'node:fs';
import path from 'node:path';

import { closeClinicExporter, exportClinicSite } from '@vixenhealth/clinic-site/exporter';

import { ensureClinicSiteBuilt } from '../lib/clinic-site.mjs';
import { ensureEnvFile, loadEnvFile } from '../lib/env-file.mjs';
import { CLINIC_SITE_DIR } from '../lib/paths.mjs';

ensureEnvFile();
loadEnvFile();
const slug = process.argv[2];
if (!slug || !/^[a-z0-9-]+$/.test(slug)) {
  console.error('Usage: npm run build:clinic -- <clinic slug>');
  process.exit(2);
}
await ensureClinicSiteBuilt();
const outDir = path.join(CLINIC_SITE_DIR, 'dist-static', slug);
// This folder is the command's own: the previous build of the clinic makes way.
rmSync(outDir, { recursive: true, force: true });
try {
  const { pages, durationMs } = await exportClinicSite({
    slug,
    outDir,
    cmsUrl: process.env.CMS_URL || `http://127.0.0.1:${process.env.PORT || 1337}`,
    onLog: (line) => console.log(line),
  });
  console.log(`Built ${pages} pages of ${slug} in ${durationMs} ms: ${outDir}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeClinicExporter();
}
