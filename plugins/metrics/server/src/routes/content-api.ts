import { METRICS_READ_PERMISSION } from '../access/site-access';

/** The dashboards' actions granted to signed-in people (setup/reader-permissions.ts). */
export const DASHBOARD_ACTIONS = [
  'stats',
  'csv',
  'settings',
  'updateSettings',
  'createShare',
  'revokeShare',
] as const;

/**
 * A dashboard route: a person passes with the action granted to their role (each controller
 * then checks the site is theirs); a service's ID token passes with `clinic-metrics:read`.
 */
const dashboard = (method: string, path: string, action: (typeof DASHBOARD_ACTIONS)[number]) => ({
  method,
  path,
  handler: `dashboards.${action}`,
  config: {
    auth: { scope: [`plugin::metrics.dashboards.${action}`, METRICS_READ_PERMISSION] },
    policies: [],
  },
});

/** The metrics' public routes, under `/api/metrics`. */
export default {
  type: 'content-api',
  routes: [
    dashboard('GET', '/sites/:id/stats', 'stats'),
    dashboard('GET', '/sites/:id/stats.csv', 'csv'),
    dashboard('GET', '/sites/:id/settings', 'settings'),
    dashboard('PUT', '/sites/:id/settings', 'updateSettings'),
    dashboard('POST', '/sites/:id/share', 'createShare'),
    dashboard('DELETE', '/sites/:id/share', 'revokeShare'),
    {
      method: 'GET',
      path: '/shared/:token/stats',
      handler: 'dashboards.shared',
      config: { auth: false, policies: [] },
    },
  ] as unknown[],
};
