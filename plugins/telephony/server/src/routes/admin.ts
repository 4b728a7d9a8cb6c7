import { DESK_PERMISSIONS } from '@vixenhealth/support/contracts';

/** Support leads (and Super Admins, who hold every action) manage where calls come from. */
const LEADS = {
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [DESK_PERMISSIONS.lead] } },
  ],
};

const route = (method: string, path: string, action: string) => ({
  method,
  path,
  handler: `integrations.${action}`,
  config: LEADS,
});

/** Telephony's admin API, under `/telephony` (admin-panel JWT). */
export default {
  type: 'admin',
  routes: [
    route('GET', '/integrations', 'list'),
    route('POST', '/integrations', 'create'),
    route('POST', '/integrations/:id/disable', 'disable'),
  ],
};
