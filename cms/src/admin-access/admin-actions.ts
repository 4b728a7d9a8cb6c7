import type { Core } from '@strapi/strapi';

/** One of the app's own admin-panel permissions, as Strapi's action provider takes it. */
export interface AdminAction {
  section: 'settings';
  category: string;
  subCategory: string;
  displayName: string;
  /** Named `api::<uid>` in roles and policies. */
  uid: string;
}

/**
 * Registers the app's own admin-panel permissions, then gives Super Admins every action again:
 * the admin panel gave them every action it knew before the app registered these.
 */
export const registerAdminActions = async (strapi: Core.Strapi, actions: AdminAction[]) => {
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
  await strapi.service('admin::role').resetSuperAdminPermissions();
};

/** The policies of an admin route open to admin-panel users holding `action`. */
export const adminActionPolicies = (action: string) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: [action] } },
];
