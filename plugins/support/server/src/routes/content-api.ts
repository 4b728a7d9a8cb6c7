/** The signed-in person's requests, under `/api/support`. Each action is granted to signed-in roles. */
export const REQUEST_ACTIONS = ['create', 'find', 'findOne', 'reply', 'download'] as const;

const signedIn = (method: string, path: string, action: (typeof REQUEST_ACTIONS)[number]) => ({
  method,
  path,
  handler: `requests.${action}`,
  config: { policies: [] },
});

/** Providers call these: no sign-in, each checks its provider's secret or signature. */
const webhook = (path: string, action: string) => ({
  method: 'POST',
  path,
  handler: `webhooks.${action}`,
  config: { auth: false, policies: [] },
});

export default {
  type: 'content-api',
  routes: [
    signedIn('POST', '/tickets', 'create'),
    signedIn('GET', '/tickets', 'find'),
    signedIn('GET', '/tickets/:number', 'findOne'),
    signedIn('POST', '/tickets/:number/messages', 'reply'),
    signedIn('GET', '/tickets/:number/files/:fileId', 'download'),
    webhook('/webhooks/telegram', 'telegram'),
    webhook('/webhooks/sms', 'sms'),
  ],
};
