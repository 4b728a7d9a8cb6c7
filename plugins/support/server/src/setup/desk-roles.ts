import type { Core } from '@strapi/strapi';

import { DESK_PERMISSIONS, type DeskPermission } from '../../../shared/contracts';
import { ACTION_DEFINITIONS } from '../rights/actions';

const ADMIN_ROLE = 'admin::role';

/** The desk's roles and the rights each holds; Moderator is the CMS's role, given its group. */
const DESK_ROLES: { code: string; name: string; description: string; actions: DeskPermission[] }[] =
  [
    {
      code: 'support-agent',
      name: 'Support agent',
      description: 'Works the tickets of their own Support groups',
      actions: [DESK_PERMISSIONS.work],
    },
    {
      code: 'support-lead',
      name: 'Support lead',
      description: 'Every group, assignment, SLA, canned replies and figures',
      actions: Object.values(DESK_PERMISSIONS),
    },
  ];

const permissionOf = (action: string) => ({
  action,
  subject: null,
  properties: {},
  conditions: [],
});

/** Registers the desk's admin-panel permissions (the plugin's bootstrap). */
export const registerDeskActions = async (strapi: Core.Strapi) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTION_DEFINITIONS);
};

/**
 * Creates the desk's roles and keeps them at exactly their rights; `extra` adds rights from
 * the rest of the platform (deciding on reviews, for leads). Run by the app once the admin
 * panel's own roles exist and every permission is registered; Super Admins are then given
 * every action again, the desk's included.
 */
export const syncDeskRoles = async (
  strapi: Core.Strapi,
  extra: Partial<Record<string, string[]>> = {}
) => {
  const roles = strapi.service('admin::role');
  for (const role of DESK_ROLES) {
    const existing =
      (await strapi.db.query(ADMIN_ROLE).findOne({ where: { code: role.code } })) ??
      (await roles.create({ name: role.name, code: role.code, description: role.description }));
    await roles.assignPermissions(existing.id, [
      ...role.actions.map(permissionOf),
      ...(extra[role.code] ?? []).map(permissionOf),
    ]);
  }
  await roles.resetSuperAdminPermissions();
};
