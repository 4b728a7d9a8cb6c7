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
  ...IMPERSONATION_ACTIONS,
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
    ...impersonationRoutes,
  ],
} satisfies Core.RouterInput;
