import type { Core } from '@strapi/strapi';

import { CLINIC, SITE_DEPLOY } from '../../content-types/uids';
import { RUNNING_DEPLOY_STATUSES } from '../../contracts';
import { deployFolders } from './deploy-folders';
import type { DeployScheduler } from './deploy-scheduler';
import type { DeploySettings } from './deploy-settings';

/**
 * At start: deploys a restart interrupted are marked failed and queued again, and every public
 * clinic without a live static site gets its first deploy. Nothing a publish asked for is lost.
 */
export const resumeDeploys = async (
  strapi: Core.Strapi,
  settings: DeploySettings,
  scheduler: DeployScheduler
) => {
  const interrupted = (await strapi.db.query(SITE_DEPLOY).findMany({
    where: { status: { $in: [...RUNNING_DEPLOY_STATUSES] } },
    select: ['id', 'clinicDocumentId'],
  })) as { id: number; clinicDocumentId: string }[];
  if (interrupted.length > 0) {
    await strapi.db.query(SITE_DEPLOY).updateMany({
      where: { id: { $in: interrupted.map((deploy) => deploy.id) } },
      data: {
        status: 'failed',
        log: 'Interrupted: the CMS stopped before this deploy finished.\n',
      },
    });
  }
  for (const clinicDocumentId of new Set(interrupted.map((deploy) => deploy.clinicDocumentId))) {
    scheduler.schedule({ clinicDocumentId, reason: 'resumed after a restart' });
  }

  const clinics = (await strapi.db.query(CLINIC).findMany({
    where: { publishedAt: { $notNull: true }, accountStatus: 'active' },
    select: ['documentId', 'subdomain'],
  })) as { documentId: string; subdomain: string }[];
  for (const clinic of clinics) {
    const live = await deployFolders(settings.dir, clinic.subdomain).hasLiveSite();
    if (!live) scheduler.schedule({ clinicDocumentId: clinic.documentId, reason: 'first deploy' });
  }
};
