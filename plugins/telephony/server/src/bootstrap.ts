import type { Core } from '@strapi/strapi';

import { ensureRecordingJobs } from './recordings/recording-jobs';
import { startRecordings } from './recordings/start-recordings';
import { connectDesk } from './desk/connect-desk';
import { ensureEventLog } from './storage/event-log';

const stops = new WeakMap<Core.Strapi, () => void>();

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureEventLog(strapi.db.connection);
  await ensureRecordingJobs(strapi.db.connection);
  connectDesk(strapi);
  stops.set(strapi, startRecordings(strapi));
};

/** Stops what bootstrap started (the recordings' timer and listener). */
export const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  stops.get(strapi)?.();
};

export default bootstrap;
