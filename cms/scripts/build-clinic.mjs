// `npm run build:clinic -- <slug>`: one clinic's whole site as static files, from the running
// CMS (CMS_URL, default this machine's), in sites/clinic/dist-static/<slug>/.
import path from 'node:path';

import { buildStaticClinic } from './lib/clinic-site.mjs';
import { ensureEnvFile, loadEnvFile } from './lib/env-file.mjs';
import { CLINIC_SITE_DIR } from './lib/paths.mjs';

ensureEnvFile();
loadEnvFile();
const slug = process.argv[2];
if (!slug || !/^[a-z0-9-]+$/.test(slug)) {
  console.error('Usage: npm run build:clinic -- <clinic slug>');
  process.exit(2);
}
const cmsUrl = process.env.CMS_URL || `http://127.0.0.1:${process.env.PORT || 1337}`;
const response = await fetch(`${cmsUrl}/api/clinics?filters[slug][$eq]=${slug}`).catch(() => null);
if (!response?.ok) {
  console.error(`The CMS at ${cmsUrl} does not answer: start it (npm start) or set CMS_URL.`);
  process.exit(1);
}
const [clinic] = (await response.json()).data;
if (!clinic) {
  console.error(`No published, active clinic "${slug}" in the CMS at ${cmsUrl}.`);
  process.exit(1);
}
const base = process.env.SITES_BASE_DOMAIN || 'localhost';
const siteUrl = clinic.customDomain
  ? `https://${clinic.customDomain}`
  : `${base === 'localhost' ? 'http' : 'https'}://${clinic.subdomain}.${base}`;
const outDir = path.join(CLINIC_SITE_DIR, 'dist-static', slug);
await buildStaticClinic({ slug, cmsUrl, outDir, siteUrl });
console.log(`Built ${clinic.name} for ${siteUrl} in ${outDir}`);
