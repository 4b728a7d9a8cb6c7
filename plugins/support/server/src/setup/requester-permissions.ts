import type { Core } from '@strapi/strapi';

import { STAFF_ROLE_TYPE } from '../requests/requester';
import { REQUEST_ACTIONS } from '../routes/content-api';

const USER_ROLE = 'plugin::users-permissions.role';
const USER_PERMISSION = 'plugin::users-permissions.permission';

/** Signed-in people (patients, clinic owners) and employees may write to Support. */
const SIGNED_IN_ROLES = ['authenticated', STAFF_ROLE_TYPE];

/**
 * Grants the requests' Content API actions to the signed-in roles, creating the employees'
 * role on a fresh install. Safe to run at every start.
 */
export const grantRequesterPermissions = async (strapi: Core.Strapi) => {
  if (!(await strapi.db.query(USER_ROLE).findOne({ where: { type: STAFF_ROLE_TYPE } }))) {
    await strapi.db.query(USER_ROLE).create({
      data: { name: 'Staff', type: STAFF_ROLE_TYPE, description: 'VixenHealth employees' },
    });
  }
  const roles: { id: number }[] = await strapi.db
    .query(USER_ROLE)
    .findMany({ where: { type: { $in: SIGNED_IN_ROLES } }, select: ['id'] });
  const actions = REQUEST_ACTIONS.map((action) => `plugin::support.requests.${action}`);
  for (const role of roles) {
    for (const action of actions) {
      if (!(await strapi.db.query(USER_PERMISSION).count({ where: { role: role.id, action } }))) {
        await strapi.db.query(USER_PERMISSION).create({ data: { role: role.id, action } });
      }
    }
  }
};
