import type { Core } from '@strapi/strapi';

import { METRICS_READ_PERMISSION } from '../access/site-access';
import { DASHBOARD_ACTIONS } from '../routes/content-api';

const USER_ROLE = 'plugin::users-permissions.role';
const USER_PERMISSION = 'plugin::users-permissions.permission';

/**
 * Grants the dashboards' actions to signed-in people (each controller then checks the clinic
 * is theirs). A dashboard route also names `clinic-metrics:read` so a service's ID token can pass;
 * users-permissions wants every scope of a route granted, so the role gets that one too.
 * users-permissions deletes actions it does not know at its own start: run this at every start,
 * from the CMS's bootstrap.
 */
export const grantReaderPermissions = async (strapi: Core.Strapi) => {
  const role: { id: number } | null = await strapi.db
    .query(USER_ROLE)
    .findOne({ where: { type: 'authenticated' }, select: ['id'] });
  if (!role) return;
  const actions = [
    ...DASHBOARD_ACTIONS.map((action) => `plugin::metrics.dashboards.${action}`),
    METRICS_READ_PERMISSION,
  ];
  for (const action of actions) {
    if (!(await strapi.db.query(USER_PERMISSION).count({ where: { role: role.id, action } }))) {
      await strapi.db.query(USER_PERMISSION).create({ data: { role: role.id, action } });
    }
  }
};
