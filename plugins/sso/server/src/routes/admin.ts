import type { Core } from '@strapi/strapi';

import { IMPERSONATION_ACTIONS, impersonationRoutes } from '../impersonation/admin-routes';

/** Admin-panel permissions of ID; a Super Admin has them all, other roles when given. */
export const ADMIN_ACTIONS = [
  {
    section: 'plugins',
    displayName: 'Read sign-in history',
    uid: 'login-events.read',
    pluginName: 'sso',
  },
  {
    section: 'plugins',
    displayName: 'Sync the staff directory from LDAP',
    uid: 'directory-sync.run',
    pluginName: 'sso',
  },
  ...IMPERSONATION_ACTIONS,
];

const canSyncDirectory = [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: ['plugin::sso.directory-sync.run'] } },
];

/** The staff side of ID, under `/sso` in the admin API. */
export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/login-events',
      handler: 'login-events.list',
      config: {
        policies: [
          'admin::isAuthenticatedAdmin',
          {
            name: 'admin::hasPermissions',
            config: { actions: ['plugin::sso.login-events.read'] },
          },
        ],
      },
    },
    {
      method: 'POST',
      path: '/directory-sync',
      handler: 'directory-sync.run',
      config: { policies: canSyncDirectory },
    },
    {
      method: 'GET',
      path: '/directory-sync/last',
      handler: 'directory-sync.last',
      config: { policies: canSyncDirectory },
    },
    ...impersonationRoutes,
  ],
} satisfies Core.RouterInput;
