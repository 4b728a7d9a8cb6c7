import type { Core } from '@strapi/strapi';

/** Admin-panel permissions of impersonation: starting one, and reading (and ending) the audit. */
export const IMPERSONATION_ACTIONS = [
  {
    section: 'plugins',
    displayName: 'Act as a patient or clinic owner (impersonate)',
    uid: 'impersonation.start',
    pluginName: 'sso',
  },
  {
    section: 'plugins',
    displayName: 'Read the impersonation audit',
    uid: 'impersonation.read',
    pluginName: 'sso',
  },
];

const allowed = (action: string) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [`plugin::sso.${action}`] } },
  ],
});

/** `/sso/impersonations` in the admin API (admin panel users only, with the permission). */
export const impersonationRoutes: Core.RouteInput[] = [
  {
    method: 'POST',
    path: '/impersonations',
    handler: 'impersonations.start',
    config: allowed('impersonation.start'),
  },
  {
    method: 'GET',
    path: '/impersonations',
    handler: 'impersonations.list',
    config: allowed('impersonation.read'),
  },
  {
    // Whoever may start impersonations may end one (their own or a colleague's, at once).
    method: 'POST',
    path: '/impersonations/:id/end',
    handler: 'impersonations.end',
    config: allowed('impersonation.start'),
  },
];
