import type { Core } from '@strapi/strapi';

import { registerScheduledJobs } from './jobs';
import { idServers } from './register';
import { getService } from './utils';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  // 1. A fresh install gets its first signing keys.
  await getService(strapi, 'signing-keys').ensureActive();
  // 2. The provider starts serving.
  await idServers.get(strapi)!.start();
  // 3. Key rotation and clean-up of expired records run on a schedule.
  registerScheduledJobs(strapi);
};

export default bootstrap;
