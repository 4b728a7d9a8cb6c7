import type { Core } from '@strapi/strapi';

import { ADMIN_ROLE, DOC_PAGE } from '../content-types/uids';

const EDITOR_ROLE_CODE = 'strapi-editor';
const ACTIONS = ['create', 'read', 'update', 'delete', 'publish'].map(
  (action) => `plugin::content-manager.explorer.${action}`
);

interface Permission {
  action: string;
  subject?: string | null;
}

/**
 * The admin panel's Editors write, publish and delete doc pages, every field. Strapi gives the
 * Editor role the content types that exist when it creates the role; doc pages came later, so
 * their rights are added here, at every start, to whatever else the role holds.
 */
export const grantDocPageEditing = async (strapi: Core.Strapi) => {
  const role = await strapi.db.query(ADMIN_ROLE).findOne({ where: { code: EDITOR_ROLE_CODE } });
  if (!role) return;
  const held = (await strapi
    .service('admin::permission')
    .findMany({ where: { role: { id: role.id }, subject: DOC_PAGE } })) as Permission[];
  const actions = strapi
    .service('admin::permission')
    .actionProvider.values()
    .filter((action: { actionId: string }) => ACTIONS.includes(action.actionId));
  const wanted = (
    strapi.service('admin::content-type').getPermissionsWithNestedFields(actions, {
      restrictedSubjects: Object.keys(strapi.contentTypes).filter((uid) => uid !== DOC_PAGE),
    }) as Permission[]
  ).filter(
    (permission) =>
      permission.subject === DOC_PAGE && !held.some((has) => has.action === permission.action)
  );
  if (wanted.length > 0) await strapi.service('admin::role').addPermissions(role.id, wanted);
};
