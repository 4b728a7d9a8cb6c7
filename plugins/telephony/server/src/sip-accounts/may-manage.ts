import type { Core } from '@strapi/strapi';

import { DESK_PERMISSIONS } from '@vixenhealth/support/contracts';

const SUPER_ADMIN = 'strapi-super-admin';

/** Support leads and super admins give agents their SIP accounts; agents only read their own. */
export const mayManageSipAccounts = async (
  strapi: Core.Strapi,
  user: { id: number; roles?: { code: string }[] }
) => {
  if (user.roles?.some((role) => role.code === SUPER_ADMIN)) return true;
  const permissions: { action: string }[] = await strapi
    .service('admin::permission')
    .findUserPermissions(user);
  return permissions.some((permission) => permission.action === DESK_PERMISSIONS.lead);
};
