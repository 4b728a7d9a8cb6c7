/** The signed-in person's requests, under `/api/support`. Each action is granted to signed-in roles. */
export const REQUEST_ACTIONS = ['create', 'find', 'findOne', 'reply', 'download'] as const;

export default {
  type: 'content-api',
  routes: [
    { method: 'POST', path: '/tickets', handler: 'requests.create' },
    { method: 'GET', path: '/tickets', handler: 'requests.find' },
    { method: 'GET', path: '/tickets/:number', handler: 'requests.findOne' },
    { method: 'POST', path: '/tickets/:number/messages', handler: 'requests.reply' },
    { method: 'GET', path: '/tickets/:number/files/:fileId', handler: 'requests.download' },
  ].map((route) => ({ ...route, config: { policies: [] } })),
};
