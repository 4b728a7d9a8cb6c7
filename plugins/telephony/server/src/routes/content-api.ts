import { hideTokenInLog } from '../http/hide-token-in-log';

/**
 * PBXs and providers call these, under `/api/telephony`: no sign-in, the integration's token in
 * the URL is the credential (and each source's signature over the body, where it signs).
 */
const webhook = (method: 'GET' | 'POST', path: string, handler: string) => ({
  method,
  path,
  handler,
  config: { auth: false, policies: [], middlewares: [hideTokenInLog] },
});

export default {
  type: 'content-api',
  routes: [
    webhook('POST', '/cti/:token', 'cti.event'),
    webhook('POST', '/events/:token', 'events.receive'),
    webhook('POST', '/mango/:token/events/record/added', 'providers.mangoRecordAdded'),
    webhook('POST', '/mango/:token/events/:event', 'providers.mango'),
    webhook('GET', '/zadarma/:token', 'providers.zadarmaEcho'),
    webhook('POST', '/zadarma/:token', 'providers.zadarma'),
  ],
};
