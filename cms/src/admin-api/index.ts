import type { Core } from '@strapi/strapi';

import { adminRouter, permissionsOf } from '../admin-access/admin-routes';
import { reviewModerationController } from './review-moderation/controller';
import { reviewModerationRoutes } from './review-moderation/routes';
import { siteDeploysController } from './site-deploys/controller';
import { siteDeploysRoutes } from './site-deploys/routes';

/**
 * The app's own admin-panel API: each routes file declares its routes with the permission they
 * need; the routers and the permissions registered with the admin panel are derived from them.
 */
export const registerAdminApi = (strapi: Core.Strapi) => {
  strapi.server.routes(adminRouter(reviewModerationRoutes, reviewModerationController(strapi)));
  strapi.server.routes(adminRouter(siteDeploysRoutes, siteDeploysController(strapi)));
};

/** Every permission the admin API's routes need. */
export const ADMIN_API_PERMISSIONS = permissionsOf([
  ...reviewModerationRoutes,
  ...siteDeploysRoutes,
]);
