const ADMIN = { policies: ['admin::isAuthenticatedAdmin'] };

/** Under `/telephony` in the admin API (admin-panel JWT). */
export const sipAccountRoutes = [
  { method: 'GET', path: '/sip-account', handler: 'sip-accounts.mine', config: ADMIN },
  { method: 'PUT', path: '/sip-accounts/:userId', handler: 'sip-accounts.set', config: ADMIN },
];
