const DESK = { policies: ['admin::isAuthenticatedAdmin', 'plugin::support.desk-access'] };

const route = (method: string, path: string, action: string) => ({
  method,
  path,
  handler: `desk.${action}`,
  config: DESK,
});

/**
 * The Support page's API, under `/support` (admin-panel JWT). Every route needs a desk right;
 * each action scopes what it reads and writes by the agent's groups and rights.
 */
export default {
  type: 'admin',
  routes: [
    route('GET', '/meta', 'meta'),
    route('GET', '/tickets', 'tickets'),
    route('GET', '/tickets/:number', 'ticket'),
    route('PATCH', '/tickets/:number', 'update'),
    route('POST', '/tickets/:number/messages', 'post'),
    route('POST', '/tickets/:number/assign-to-me', 'assignToMe'),
    route('POST', '/tickets/:number/merge', 'merge'),
    route('POST', '/tickets/:number/macros/:id', 'macro'),
    route('POST', '/tickets/:number/moderation', 'moderate'),
    route('GET', '/tickets/:number/files/:fileId', 'file'),
    route('GET', '/problems', 'problems'),
    route('POST', '/problems', 'createProblem'),
    route('GET', '/problems/:id', 'problem'),
    route('POST', '/problems/:id/resolve', 'resolveProblem'),
    route('POST', '/problems/:id/reopen', 'reopenProblem'),
    route('POST', '/filters', 'createFilter'),
    route('PUT', '/filters/:id', 'updateFilter'),
    route('DELETE', '/filters/:id', 'deleteFilter'),
    route('POST', '/boards', 'createBoard'),
    route('PUT', '/boards/:id', 'updateBoard'),
    route('DELETE', '/boards/:id', 'deleteBoard'),
    route('PUT', '/me/availability', 'availability'),
    route('GET', '/stats', 'stats'),
    route('GET', '/events', 'events'),
  ],
};
