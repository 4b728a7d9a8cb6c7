import type { Core } from '@strapi/strapi';

import { CLINIC, SITE_DEPLOY } from '../../content-types/uids';
import { deployFolders } from './deploy-folders';
import type { DeploySettings } from './deploy-settings';
import { runExporter } from './export-process';

const PROGRESS_WRITE_MS = 250;

interface PublicClinic {
  slug: string;
  subdomain: string;
  /** Its own domain, once its owners proved they control it. */
  verifiedDomain: string | null;
  accountStatus: 'active' | 'suspended';
}

/** The clinic as its site shows it: the published version, when there is one. */
const publishedClinic = (strapi: Core.Strapi, documentId: string) =>
  strapi.db.query(CLINIC).findOne({
    where: { documentId, publishedAt: { $notNull: true } },
    select: ['slug', 'subdomain', 'verifiedDomain', 'accountStatus'],
  }) as Promise<PublicClinic | null>;

/** A sortable, unique release name: when it was built, and which deploy built it. */
const releaseName = (deployId: number, at: Date) =>
  `${at.toISOString().replace(/[-:.]/g, '').replace('T', '-')}-${deployId}`;

/**
 * Runs one queued deploy: renders the clinic's whole site into a new release folder and makes
 * it live, or takes the site down when the clinic is no longer public. A failed build leaves the
 * live site as it was; the deploy record tells what happened, with the exporter's log. A deploy
 * the queue `claimed` is `building` already; `signal` stops its build.
 */
export const runDeploy = async (
  strapi: Core.Strapi,
  settings: DeploySettings,
  deploy: { id: number; clinicDocumentId: string; subdomain: string; reason: string },
  { claimed = false, signal }: { claimed?: boolean; signal?: AbortSignal } = {}
) => {
  const update = (data: Record<string, unknown>) =>
    strapi.db.query(SITE_DEPLOY).update({ where: { id: deploy.id }, data });
  const startedAt = new Date();
  const finish = (status: string, log: string, release?: string) =>
    update({
      status,
      log,
      release,
      finishedAt: new Date(),
      durationMs: Date.now() - startedAt.getTime(),
    });

  const clinic = await publishedClinic(strapi, deploy.clinicDocumentId);
  const folders = deployFolders(settings.dir, clinic?.subdomain ?? deploy.subdomain);
  // A status is written once per change: the platform's metrics count them.
  await update({ ...(claimed ? {} : { status: 'building' }), startedAt, reason: deploy.reason });

  if (!clinic || clinic.accountStatus !== 'active') {
    await folders.takeDown();
    await finish('offline', 'The clinic is not public: its site was taken down.\n');
    return;
  }

  const release = releaseName(deploy.id, startedAt);
  let lastWrite = 0;
  const outcome = await runExporter({
    exporter: settings.exporter,
    slug: clinic.slug,
    outDir: await folders.prepare(release),
    cmsUrl: settings.cmsUrl(),
    siteUrl: settings.siteUrl(clinic),
    signal,
    onProgress(pagesDone, pagesTotal) {
      if (Date.now() - lastWrite < PROGRESS_WRITE_MS && pagesDone < pagesTotal) return;
      lastWrite = Date.now();
      void update({ pagesDone, pagesTotal });
    },
  });
  if (!outcome.ok) {
    await folders.discard(release);
    await finish('failed', `${outcome.log}\nThe live site was left as it was.\n`);
    return;
  }
  await folders.switchTo(release, clinic.verifiedDomain);
  await folders.prune(settings.keepReleases);
  await finish('live', outcome.log, release);
};
