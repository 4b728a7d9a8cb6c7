import { DESK_PERMISSIONS } from '@vixenhealth/support/contracts';

import { sipAccountRoutes } from '../sip-accounts/routes';

/** Agents: any of the desk's rights (each handler then checks the call's group). */
const DESK = { policies: ['admin::isAuthenticatedAdmin', 'plugin::support.desk-access'] };

/** Support leads (and Super Admins, who hold every action) manage where calls come from. */
const LEADS = {
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [DESK_PERMISSIONS.lead] } },
  ],
};

const integrationRoute = (method: string, path: string, action: string) => ({
  method,
  path,
  handler: `integrations.${action}`,
  config: LEADS,
});

/** Telephony's admin API, under `/telephony` (admin-panel JWT). */
export default {
  type: 'admin',
  routes: [
    integrationRoute('GET', '/integrations', 'list'),
    integrationRoute('POST', '/integrations', 'create'),
    integrationRoute('POST', '/integrations/:id/disable', 'disable'),
    { method: 'POST', path: '/calls', handler: 'outbound.place', config: DESK },
    { method: 'GET', path: '/calls/:id/recording', handler: 'recordings.play', config: DESK },
    { method: 'GET', path: '/tickets/:number/calls', handler: 'desk-calls.ofTicket', config: DESK },
    { method: 'POST', path: '/calls/:id/ticket', handler: 'desk-calls.pick', config: DESK },
    { method: 'POST', path: '/calls/:id/new-ticket', handler: 'desk-calls.open', config: DESK },
    ...sipAccountRoutes,
  ],
};
