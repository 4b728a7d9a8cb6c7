import type { Core } from '@strapi/strapi';

import { registerAdminPanelClient } from './admin-sign-in/client';
import { registerAccountClient } from './pages';
import { registerScheduledJobs } from './jobs';
import { ADMIN_ACTIONS } from './routes/admin';
import { idServers } from './register';
import { getService } from './utils';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  // 1. A fresh install gets its first signing keys.
  await getService(strapi, 'signing-keys').ensureActive();
  // 2. The revoked access tokens are read, and again every few seconds.
  await getService(strapi, 'token-revocations').start();
  // 3. The provider starts serving.
  await idServers.get(strapi)!.start();
  // 4. Key rotation and clean-up of expired records run on a schedule.
  registerScheduledJobs(strapi);
  // 5. The "my account" pages sign users in as a first-party client of their own.
  await registerAccountClient(strapi);
  // 6. So does the admin panel, for staff signing in with ID.
  await registerAdminPanelClient(strapi);
  // 7. Staff may be given the right to read anyone's sign-in history (admin API).
  await strapi.service('admin::permission').actionProvider.registerMany(ADMIN_ACTIONS);
};

export default bootstrap;
