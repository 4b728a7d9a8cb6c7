import type { Core } from '@strapi/strapi';

import { CLINIC, SITE_DEPLOY } from '../../content-types/uids';
import type { DeployRequest } from '../../contracts';
import { debouncedBatches } from '../../notify/debounced-batches';
import { runDeploy } from './deploy-runner';
import type { DeploySettings } from './deploy-settings';

interface Waiting {
  deploy: Promise<{ id: number; clinicDocumentId: string; subdomain: string } | null>;
  reasons: Set<string>;
}

export interface DeployScheduler {
  /** Queues a rebuild of the clinic's site; changes within the debounce time make one deploy. */
  schedule(request: DeployRequest): void;
}

/**
 * Debounces changes per clinic and runs their deploys one at a time (a build takes a core; the
 * CMS keeps the other). A change that arrives while its clinic is building queues the next
 * deploy, so the last change is always built.
 */
export const createDeployScheduler = (
  strapi: Core.Strapi,
  settings: DeploySettings
): DeployScheduler => {
  let queue: Promise<void> = Promise.resolve();

  /** The deploy record, created at once, so the cabinet shows it queued. */
  const record = async ({ clinicDocumentId, reason }: DeployRequest) => {
    const clinic = (await strapi.db.query(CLINIC).findOne({
      where: { documentId: clinicDocumentId },
      select: ['subdomain'],
    })) as { subdomain: string } | null;
    if (!clinic) return null;
    const created = (await strapi.db.query(SITE_DEPLOY).create({
      data: { clinicDocumentId, subdomain: clinic.subdomain, status: 'queued', reason },
      select: ['id'],
    })) as { id: number };
    return { id: created.id, clinicDocumentId, subdomain: clinic.subdomain };
  };

  const start = (entry: Waiting) => {
    queue = queue.then(async () => {
      try {
        const deploy = await entry.deploy;
        if (!deploy) return;
        const reason = [...entry.reasons].join(', ').slice(0, 200);
        await runDeploy(strapi, settings, { ...deploy, reason });
      } catch (error) {
        strapi.log.error(`Site deploys: a deploy could not run: ${(error as Error).message}`);
      }
    });
  };
  const waiting = debouncedBatches<Waiting>(settings.debounceMs, (_clinic, entry) => start(entry));

  return {
    schedule(request) {
      const entry = waiting.collect(request.clinicDocumentId, () => ({
        deploy: record(request).catch((error: Error) => {
          strapi.log.error(`Site deploys: a deploy could not be queued: ${error.message}`);
          return null;
        }),
        reasons: new Set<string>(),
      }));
      entry.reasons.add(request.reason);
    },
  };
};
