import type { Core } from '@strapi/strapi';

import { pruneExpiredRecords } from './services/oidc-adapter';
import { getService } from './utils';

/** Housekeeping of ID, on Strapi's cron (server time). */
export const registerScheduledJobs = (strapi: Core.Strapi) => {
  strapi.cron.add({
    ssoPruneExpiredRecords: {
      task: async () => {
        await pruneExpiredRecords(strapi);
        await getService(strapi, 'token-revocations').prune();
      },
      options: { rule: '*/15 * * * *' },
    },
    ssoRotateKeys: {
      task: async () => {
        const keys = getService(strapi, 'signing-keys');
        await keys.rotateIfDue();
        await keys.prune();
      },
      options: { rule: '17 3 * * *' },
    },
    ssoPruneLoginHistory: {
      task: async () => {
        await getService(strapi, 'login-history').prune();
        await getService(strapi, 'email-links').prune();
        await getService(strapi, 'remembered-devices').prune();
      },
      options: { rule: '43 3 * * *' },
    },
  });
};
