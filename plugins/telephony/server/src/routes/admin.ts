const DESK = { policies: ['admin::isAuthenticatedAdmin', 'plugin::support.desk-access'] };

const route = (method: string, path: string, handler: string) => ({
  method,
  path,
  handler,
  config: DESK,
});

/** Telephony's part of the Support page, under `/telephony` (admin JWT, a desk right). */
export default {
  type: 'admin',
  routes: [
    route('GET', '/tickets/:number/calls', 'desk-calls.ofTicket'),
    route('POST', '/calls/:id/ticket', 'desk-calls.pick'),
    route('POST', '/calls/:id/new-ticket', 'desk-calls.open'),
  ],
};
