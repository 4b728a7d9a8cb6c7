import { sipAccountRoutes } from '../sip-accounts/routes';

const DESK = { policies: ['admin::isAuthenticatedAdmin', 'plugin::support.desk-access'] };

/** Telephony for agents in the admin panel, under `/telephony` (admin JWT, a desk right). */
export default {
  type: 'admin',
  routes: [
    { method: 'POST', path: '/calls', handler: 'outbound.place', config: DESK },
    { method: 'GET', path: '/calls/:id/recording', handler: 'recordings.play', config: DESK },
    ...sipAccountRoutes,
  ],
};
