import type { Core } from '@strapi/strapi';

import { CLINIC, SITE_DEPLOY } from '../../content-types/uids';
import { deployFolders } from './deploy-folders';
import { enqueueDeploy, failExpiredDeploys } from './deploy-queue';
import type { DeployScheduler } from './deploy-scheduler';
import type { DeploySettings } from './deploy-settings';

/**
 * At start, before the worker: deploys whose node stopped are failed and queued again, and every
 * public clinic without a live static site gets its first deploy. Deploys other nodes build under
 * a live lease are theirs; a deploy held in this node's name was this process's before a restart.
 * A clinic queued or building already (another node starting too) is not queued twice.
 */
export const resumeDeploys = async (
  strapi: Core.Strapi,
  settings: DeploySettings,
  scheduler: DeployScheduler,
  { node }: { node: string }
) => {
  // This node's lease outlives its restart: what it held is not waited for.
  await strapi.db.query(SITE_DEPLOY).updateMany({
    where: { status: 'building', node },
    data: { leaseUntil: new Date(0) },
  });
  await failExpiredDeploys(strapi, { unleased: true });

  const clinics = (await strapi.db.query(CLINIC).findMany({
    where: { publishedAt: { $notNull: true }, accountStatus: 'active' },
    select: ['documentId', 'subdomain'],
  })) as { documentId: string; subdomain: string }[];
  for (const clinic of clinics) {
    const live = await deployFolders(settings.dir, clinic.subdomain).hasLiveSite();
    if (live) continue;
    await enqueueDeploy(strapi, {
      clinicDocumentId: clinic.documentId,
      reasons: ['first deploy'],
      readyAt: new Date(),
      ifIdle: true,
    });
  }
  scheduler.start();
};
