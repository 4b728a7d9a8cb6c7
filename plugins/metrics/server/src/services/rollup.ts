import type { Core } from '@strapi/strapi';

import type { MetricsConfig } from '../config';
import { forgetSite } from '../retention/forget-site';
import { purgeExpired } from '../retention/purge-expired';
import { createRollupJob } from '../rollup/rollup-job';
import { rollUpPending } from '../rollup/rollup-pending';
import { getService } from './get-service';

/** The roll-up of new events into the dashboards' figures, retention, and forgetting a site. */
const rollup = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::metrics') as MetricsConfig;
  let job: ReturnType<typeof createRollupJob> | null = null;
  return {
    /** Rolls up every pending day now (tests, and the job's work); answers how many. */
    async runNow() {
      let total = 0;
      for (;;) {
        const done = await rollUpPending(strapi.db.connection, config().timeZone);
        total += done;
        if (done === 0) return total;
      }
    },
    /** Deletes what is past retention at the clock's now. */
    purgeExpired: () =>
      purgeExpired(strapi.db.connection, config(), getService(strapi, 'clock').now()),
    /** Deletes all of a site's metrics: raw events, figures, pending days, settings. */
    forgetSite: (site: string) => forgetSite(strapi.db.connection, site),
    start() {
      job ??= createRollupJob(strapi);
      job.start();
    },
    async stop() {
      await job?.stop();
    },
  };
};

export type RollupService = ReturnType<typeof rollup>;
export default rollup;
