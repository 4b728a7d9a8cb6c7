import { hideTokenInLog } from '../http/hide-token-in-log';

/**
 * PBXs call these, under `/api/telephony`: no sign-in, the integration's token in the URL is the
 * credential (and for signed events, the signature over the body).
 */
const webhook = (path: string, handler: string) => ({
  method: 'POST',
  path,
  handler,
  config: { auth: false, policies: [], middlewares: [hideTokenInLog] },
});

export default {
  type: 'content-api',
  routes: [webhook('/cti/:token', 'cti.event'), webhook('/events/:token', 'events.receive')],
};
