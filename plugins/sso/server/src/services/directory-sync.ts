import type { Core } from '@strapi/strapi';

import type { DirectorySyncReport } from '../../../shared/contracts/directory-sync';
import { applyPlan } from '../directory-sync/apply';
import { directorySyncConfig } from '../directory-sync/config';
import { readCurrentDirectory } from '../directory-sync/current-state';
import { DirectorySyncError } from '../directory-sync/errors';
import { readDirectory } from '../directory-sync/ldap-reader';
import { planSync } from '../directory-sync/planner';
import { reportOf } from '../directory-sync/report';
import { getConfig } from '../utils';

const LAST_REPORT_KEY = 'directory-sync-last-report';

/**
 * The staff directory kept in step with the company's LDAP directory: on a schedule and when
 * an admin asks, as a dry run (a report, nothing written) or for real.
 */
const directorySync = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: 'sso' });
  // One run at a time per node: two at once would plan against the same state twice.
  let running = false;

  return {
    config() {
      return directorySyncConfig(getConfig(strapi).directorySync);
    },

    isConfigured() {
      return this.config().url !== '';
    },

    /** Reads the directory, plans, and (unless `dryRun`) applies; stores and returns the report. */
    async run({ dryRun }: { dryRun: boolean }): Promise<DirectorySyncReport> {
      const config = this.config();
      if (!config.url) {
        throw new DirectorySyncError(
          'ERR_DIRECTORY_NOT_CONFIGURED',
          'Directory sync is off: ID_LDAP_URL is not set'
        );
      }
      if (running) {
        throw new DirectorySyncError(
          'ERR_DIRECTORY_SYNC_RUNNING',
          'A directory sync is already running'
        );
      }
      running = true;
      try {
        const startedAt = new Date();
        const snapshot = await readDirectory(config);
        const current = await readCurrentDirectory(
          strapi,
          snapshot.people.map((person) => person.email)
        );
        const plan = planSync(snapshot, current);
        // Reported from the plan as planned, before applying it can touch it.
        const report = reportOf(plan, snapshot, { dryRun, startedAt, finishedAt: startedAt });
        if (!dryRun) await applyPlan(strapi, plan);
        report.finishedAt = new Date().toISOString();
        await store().set({ key: LAST_REPORT_KEY, value: report });
        // Counts only: the report itself names people.
        strapi.log.info(
          `sso: directory sync${dryRun ? ' (dry run)' : ''}: ${report.changes.length} changes, ${report.skipped.length} entries skipped`
        );
        return report;
      } finally {
        running = false;
      }
    },

    async lastReport(): Promise<DirectorySyncReport | null> {
      return ((await store().get({ key: LAST_REPORT_KEY })) as DirectorySyncReport | null) ?? null;
    },
  };
};

export type DirectorySyncService = ReturnType<typeof directorySync>;
export default directorySync;
