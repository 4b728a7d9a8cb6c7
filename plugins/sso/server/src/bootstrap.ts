import type { Core } from '@strapi/strapi';

import { registerAccountClient } from './http/account';
import { registerScheduledJobs } from './jobs';
import { ADMIN_ACTIONS } from './routes/admin';
import { idServers } from './register';
import { getService } from './utils';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  // 1. A fresh install gets its first signing keys.
  await getService(strapi, 'signing-keys').ensureActive();
  // 2. The provider starts serving.
  await idServers.get(strapi)!.start();
  // 3. Key rotation and clean-up of expired records run on a schedule.
  registerScheduledJobs(strapi);
  // 4. The "my account" pages sign users in as a first-party client of their own.
  await registerAccountClient(strapi);
  // 5. Staff may be given the right to read anyone's sign-in history (admin API).
  await strapi.service('admin::permission').actionProvider.registerMany(ADMIN_ACTIONS);
};

export default bootstrap;
