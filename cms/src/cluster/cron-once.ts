import type { Core } from '@strapi/strapi';

import { cronClaims } from './cron-claims';

type CronTaskFn = (context: { strapi: Core.Strapi }, fireDate: Date) => unknown;
type CronTasks = Record<string, CronTaskFn | { task: CronTaskFn; options: unknown }>;

/**
 * Makes every cron job of the platform run once per firing however many CMS nodes run it: each
 * node's clock fires the job at the same scheduled time, and only the node that claims that
 * firing first (cron-claims.ts) runs it. Wraps `strapi.cron.add` in the app's register, before
 * any plugin's bootstrap adds its jobs, so no job can be added unguarded.
 */
export const runCronJobsOnce = (strapi: Core.Strapi) => {
  const claims = cronClaims(strapi);
  const guarded =
    (name: string, task: CronTaskFn): CronTaskFn =>
    async (context, fireDate) => {
      if (await claims.claim(name, fireDate)) await task(context, fireDate);
    };

  const add = strapi.cron.add.bind(strapi.cron);
  strapi.cron.add = (tasks: CronTasks) =>
    add(
      Object.fromEntries(
        Object.entries(tasks).map(([key, value]) => [
          key,
          typeof value === 'function'
            ? guarded(key, value)
            : { ...value, task: guarded(key, value.task) },
        ])
      ) as never
    );
};
