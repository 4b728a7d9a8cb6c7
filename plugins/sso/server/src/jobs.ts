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
        // The audit says when an impersonation ran out even if nobody reads it meanwhile.
        await getService(strapi, 'impersonations').closeExpired();
      },
      options: { rule: '*/15 * * * *' },
    },
    // A safety net under the lifecycles that end admin access at once (admin-sign-in).
    ssoSyncAdminAccess: {
      task: () => getService(strapi, 'admin-access').syncAll(),
      options: { rule: '*/30 * * * * *' },
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
        await getService(strapi, 'mail-throttle').prune();
        await getService(strapi, 'remembered-devices').prune();
      },
      options: { rule: '43 3 * * *' },
    },
  });
  const directorySync = getService(strapi, 'directory-sync');
  if (directorySync.isConfigured()) {
    strapi.cron.add({
      ssoDirectorySync: {
        task: async () => {
          // A failed run writes nothing; the next one tries again.
          await directorySync.run({ dryRun: false }).catch((error: Error) => {
            strapi.log.error(`sso: directory sync failed: ${error.message}`);
          });
        },
        options: { rule: directorySync.config().schedule },
      },
    });
  }
};
