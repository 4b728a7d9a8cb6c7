import type { Core } from '@strapi/strapi';

import { SITE_DEPLOY } from '../../content-types/uids';
import type { DeployRequest } from '../../contracts';
import { claimNextDeploy, enqueueDeploy, failExpiredDeploys, renewLease } from './deploy-queue';
import { runDeploy } from './deploy-runner';
import type { DeploySettings } from './deploy-settings';

export interface DeployScheduler {
  /**
   * Queues a rebuild of the clinic's site: joins its deploy still queued, on whichever node it
   * was queued, or queues one. Changes within the debounce time of each other make one deploy.
   */
  schedule(request: DeployRequest): void;
  /** Resolves once this node's schedules so far are in the database. */
  settled(): Promise<void>;
  /** Starts the worker: it builds what any node queued, one deploy at a time. */
  start(): void;
  /** Stops the worker; resolves once the deploy it was building (if any) finished. */
  stop(): Promise<void>;
  /** Claims one deploy and builds it; false when there was none to claim. */
  work(): Promise<boolean>;
}

/**
 * A node's part in static deploys, whose queue is the database (`deploy-queue.ts`). Changes are
 * written to the clinic's queued deploy at once (so the cabinet shows it queued), each pushing
 * its start `debounceMs` later; a node writes one change per clinic at a time and gathers what
 * comes meanwhile into its next write. The worker claims the oldest ready deploy whose clinic no
 * node builds, builds it while renewing its lease, and fails deploys whose lease ran out, queuing
 * their clinics again. It looks every `pollMs`, and at once after a change of its own.
 */
export const createDeployScheduler = (
  strapi: Core.Strapi,
  settings: DeploySettings,
  { node }: { node: string }
): DeployScheduler => {
  const pending = new Map<string, Set<string>>();
  const writing = new Map<string, Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  let poll: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;

  const fail = (what: string) => (error: unknown) => {
    strapi.log.error(`Site deploys: ${what}: ${(error as Error).message}`);
  };

  const work = async () => {
    const deploy = await claimNextDeploy(strapi, { node, leaseMs: settings.leaseMs });
    if (!deploy) return false;
    const lost = new AbortController();
    const renewal = setInterval(() => {
      renewLease(strapi, { id: deploy.id, node, leaseMs: settings.leaseMs })
        .then((held) => {
          if (!held) lost.abort('its lease ran out, and another node took the deploy over.');
        })
        .catch(fail('a lease could not be renewed'));
    }, settings.leaseMs / 3);
    try {
      await runDeploy(strapi, settings, deploy, { claimed: true, signal: lost.signal });
    } catch (error) {
      fail(`deploy ${deploy.id} could not run`)(error);
      await strapi.db
        .query(SITE_DEPLOY)
        .updateMany({
          where: { id: deploy.id, node, status: 'building' },
          data: {
            status: 'failed',
            log: `The deploy could not run: ${(error as Error).message}\n`,
            finishedAt: new Date(),
          },
        })
        .catch(fail('a deploy could not be marked failed'));
    } finally {
      clearInterval(renewal);
    }
    return true;
  };

  /** One round: deploys whose node died are failed and queued again, then queued ones built. */
  const tick = () => {
    // The exporter reads the site from this node: not before it answers.
    if (stopped || !strapi.server.httpServer?.listening) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        await failExpiredDeploys(strapi);
        while (!stopped && (await work()));
      } catch (error) {
        fail('the queue could not be read')(error);
      }
    })().finally(() => {
      running = null;
      if (again) {
        again = false;
        tick();
      }
    });
  };

  /** Looks at the queue in `ms`, when a deploy queued here is ready. */
  const tickIn = (ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      tick();
    }, ms);
    timer.unref();
    timers.add(timer);
  };

  const write = async (clinicDocumentId: string) => {
    for (let reasons = pending.get(clinicDocumentId); reasons;) {
      pending.delete(clinicDocumentId);
      await enqueueDeploy(strapi, {
        clinicDocumentId,
        reasons: [...reasons],
        readyAt: new Date(Date.now() + settings.debounceMs),
      }).catch(fail('a deploy could not be queued'));
      reasons = pending.get(clinicDocumentId);
    }
    writing.delete(clinicDocumentId);
    tickIn(settings.debounceMs + 10);
  };

  return {
    schedule({ clinicDocumentId, reason }) {
      const reasons = pending.get(clinicDocumentId) ?? new Set<string>();
      reasons.add(reason);
      pending.set(clinicDocumentId, reasons);
      if (!writing.has(clinicDocumentId)) writing.set(clinicDocumentId, write(clinicDocumentId));
    },
    async settled() {
      while (writing.size > 0) await Promise.all(writing.values());
    },
    start() {
      if (!stopped) return;
      stopped = false;
      poll = setInterval(tick, settings.pollMs);
      poll.unref();
      tick();
    },
    async stop() {
      stopped = true;
      clearInterval(poll);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await this.settled();
      await running;
    },
    work,
  };
};
