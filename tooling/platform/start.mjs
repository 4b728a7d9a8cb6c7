// Runs the whole platform on this machine: `npm start` (built, as in production) or
// `npm run dev` (watch and reload). Creates `.env` with fresh secrets on first start.
import path from 'node:path';

import { serveDeploys } from '@vixenhealth/clinic-site/deploys-server';

import { ensureClinicSiteBuilt, startClinicSite } from '../lib/clinic-site.mjs';
import { ensureDocsBuilt, startDocs } from '../lib/docs-site.mjs';
import { buildCms, buildPlugins, cmsBuildIsStale } from '../lib/cms-build.mjs';
import { startDevMailbox } from '../lib/dev-mailbox.mjs';
import { ensureEnvFile, loadEnvFile } from '../lib/env-file.mjs';
import { CMS_DIR, ROOT_DIR } from '../lib/paths.mjs';
import { ensurePortalBuilt, startPortal } from '../lib/portal-site.mjs';
import { start } from '../lib/processes.mjs';
import { STRAPI_CLI } from '../lib/strapi-cli.mjs';
import { waitForHttp } from '../lib/wait-for-http.mjs';
import { printWelcome } from '../lib/welcome.mjs';

const dev = process.argv.includes('--dev');

const { created, generated } = ensureEnvFile();
if (created) console.log('Created .env from .env.example with fresh secrets.');
else if (generated.length > 0) console.log(`Added to .env: ${generated.join(', ')}.`);
loadEnvFile();

if (dev) {
  // `strapi develop` compiles and watches the CMS itself, but not the local plugins.
  await buildPlugins();
} else if (cmsBuildIsStale()) {
  console.log('Building the CMS and its admin panel (about a minute)...');
  await buildCms();
}
await ensureClinicSiteBuilt(() => console.log('Building the clinic sites...'));
await ensurePortalBuilt(() => console.log('Building the portal...'));

/** Development mail goes to a mailbox of our own, unless a real server is set up in .env. */
const mailbox = async () => {
  const env = process.env;
  const loopback = ['127.0.0.1', 'localhost'].includes(env.SMTP_HOST ?? '127.0.0.1');
  if (env.NODE_ENV === 'production' || env.DEV_MAILBOX === 'false' || !loopback) return null;
  try {
    const { httpPort } = await startDevMailbox({
      smtpPort: Number(env.SMTP_PORT ?? 1025),
      httpPort: Number(env.DEV_MAILBOX_PORT ?? 8025),
    });
    return `http://localhost:${httpPort}`;
  } catch {
    console.log(
      `Port ${env.SMTP_PORT ?? 1025} or ${env.DEV_MAILBOX_PORT ?? 8025} is taken (Mailpit?): mail goes there.`
    );
    return null;
  }
};
const mailboxUrl = await mailbox();

// Publishing a clinic's content rebuilds its static site here; served below, by host.
// The CMS writes the deploys' links with this port, so it hears of it too.
process.env.SITE_DEPLOYS_DIR ||= path.join(ROOT_DIR, 'var', 'site-deploys');
process.env.STATIC_SITES_PORT ||= '4324';
const cms = start(process.execPath, [STRAPI_CLI, dev ? 'develop' : 'start'], { cwd: CMS_DIR });
/**
 * When one of the platform's processes ends, so does the platform.
 * @param {import('node:child_process').ChildProcess} child
 */
const stopWith = (child) =>
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
stopWith(cms);

await waitForHttp(`http://127.0.0.1:${process.env.PORT ?? 1337}/_health`, {
  timeoutMs: dev ? 300_000 : 120_000,
  isAlive: () => cms.exitCode === null && cms.signalCode === null,
});
const cmsPort = Number(process.env.PORT ?? 1337);
const sitesPort = Number(process.env.CLINIC_SITES_PORT ?? 4322);
const cmsUrl = `http://127.0.0.1:${cmsPort}`;
const portalPort = Number(process.env.PORTAL_PORT ?? 4321);
const portalUrl = process.env.PORTAL_URL || `http://localhost:${portalPort}`;
const docsPort = Number(process.env.DOCS_PORT ?? 4323);
const docsUrl = process.env.DOCS_URL || `http://localhost:${docsPort}`;
// The docs' public pages include the CMS's: built once the CMS answers.
process.env.CMS_URL ||= cmsUrl;
process.env.DOCS_URL ||= docsUrl;
const docsBuilt = await ensureDocsBuilt(() => console.log('Building the docs...'));
const sites = [
  startClinicSite({ cmsUrl, port: sitesPort }),
  startPortal({ cmsUrl, port: portalPort, portalUrl }),
  startDocs({ port: docsPort, env: { DOCS_REBUILD_ON_START: String(!docsBuilt) } }),
];
sites.forEach(stopWith);
const staticPort = Number(process.env.STATIC_SITES_PORT);
await serveDeploys({
  dir: process.env.SITE_DEPLOYS_DIR,
  port: staticPort,
  baseDomain: process.env.SITES_BASE_DOMAIN || 'localhost',
});
printWelcome({ mailboxUrl, sitesPort, staticPort, portalUrl, docsUrl });
