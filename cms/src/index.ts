import type { Core } from '@strapi/strapi';

import { registerAdminActions } from './admin-access/admin-actions';
import { ensureFirstAdmin } from './admin-access/first-admin';
import { ADMIN_API_PERMISSIONS, registerAdminApi } from './admin-api';
import { runCronJobsOnce } from './cluster/cron-once';
import { registerClinicContentDeletion } from './content-lifecycle/delete-clinic-content';
import { registerClinicMetricsDeletion } from './content-lifecycle/delete-clinic-metrics';
import { isEmptyDatabase, seedDemoData } from './demo/seed';
import { grantDocPageEditing } from './docs/editor-rights';
import { registerDocsRebuildNotice } from './docs/rebuild-notice';
import { ensureDocReaderRoles } from './docs/reader-roles';
import { keepClinicSitesClientCurrent, registerPlatformClients } from './identity/platform-clients';
import { requireSignIn } from './identity/require-sign-in';
import { closePublicCache, registerPublicCache } from './public-cache/public-cache';
import { syncPublicPermissions } from './public-content/public-permissions';
import { placeAllAttachments } from './reviews/attachment-placement';
import { registerModeratorRole } from './reviews/moderator-role';
import { registerPrivateUploads } from './reviews/private-upload-provider';
import { registerAuthorErasure } from './reviews/review-deletion';
import { syncClinicSitesWebhook } from './sites/cache-webhook';
import { registerSiteDeploys } from './sites/deploys/deploy-triggers';
import { registerDomainVerification } from './sites/domains/domain-lifecycle';
import { connectMetrics, syncMetricsPermissions } from './metrics-sites';
import { connectSupportDesk, syncSupportDesk } from './support-desk';
import { connectTelephony } from './telephony-callers';
import { registerContentRules } from './validation';

/** Demo data is on by default outside production; DEMO_DATA=false turns it off. */
const demoDataEnabled = () =>
  (process.env.DEMO_DATA ?? (process.env.NODE_ENV === 'production' ? 'false' : 'true')) === 'true';

let siteDeploys: ReturnType<typeof registerSiteDeploys> = null;

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // First: every cron job added from here on (plugins add theirs at bootstrap) runs once.
    runCronJobsOnce(strapi);
    registerContentRules(strapi);
    registerPublicCache(strapi);
    // After the rules: a domain is compared once they have normalised it.
    registerDomainVerification(strapi);
    registerClinicContentDeletion(strapi);
    registerAuthorErasure(strapi);
    keepClinicSitesClientCurrent(strapi);
    // Files of reviews nobody may see yet are kept outside the public folder.
    registerPrivateUploads(strapi);
    strapi.server.use(requireSignIn);
    registerAdminApi(strapi);
    connectSupportDesk(strapi);
    connectMetrics(strapi);
    connectTelephony(strapi);
    registerClinicMetricsDeletion(strapi);
    siteDeploys = registerSiteDeploys(strapi);
    registerDocsRebuildNotice(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // 1. Who may read what over the Content API is set here, never by hand.
    await syncPublicPermissions(strapi);
    // 2. A fresh install gets its first admin-panel user; the app's own admin permissions are
    //    registered, and moderators get their role.
    await ensureFirstAdmin(strapi);
    await registerAdminActions(strapi, ADMIN_API_PERMISSIONS);
    await registerModeratorRole(strapi);
    await grantDocPageEditing(strapi);
    // The Support desk's people may be named as readers of restricted doc pages.
    await ensureDocReaderRoles(strapi);
    // 3. A fresh database gets the demo network.
    if (demoDataEnabled() && (await isEmptyDatabase(strapi))) {
      const { created } = await seedDemoData(strapi);
      strapi.log.info(`Seeded demo data: ${created} entries.`);
    }
    // 4. The Support desk's roles, and a ticket for whatever waits for moderation.
    await syncSupportDesk(strapi);
    // 5. The platform's own applications may sign users in with VixenHealth ID.
    await registerPlatformClients(strapi, { demo: demoDataEnabled() });
    // 6. The clinic sites' server hears of every publish.
    await syncClinicSitesWebhook(strapi);
    // 7. Static sites: what a stopped node interrupted, and clinics never deployed, are queued;
    //    this node builds its share of the deploys every node queues.
    await siteDeploys?.start();
    // 8. Every review's files are where its status says: moves a stop interrupted are finished.
    await placeAllAttachments(strapi);
    // 9. Clinic owners and administrators may read their clinics' visit dashboards.
    await syncMetricsPermissions(strapi);
  },
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await siteDeploys?.stop();
    await closePublicCache(strapi);
  },
};
