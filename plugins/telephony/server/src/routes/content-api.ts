/** Providers and PBXs call these: no sign-in, each checks its integration's token and signature. */
const webhook = (method: string, path: string, handler: string) => ({
  method,
  path,
  handler,
  config: { auth: false, policies: [] },
});

/** Telephony's public routes, under `/api/telephony`. */
export default {
  type: 'content-api',
  routes: [
    webhook('POST', '/mango/:token/events/record/added', 'providers.mangoRecordAdded'),
    webhook('POST', '/mango/:token/events/:event', 'providers.mango'),
    webhook('GET', '/zadarma/:token', 'providers.zadarmaEcho'),
    webhook('POST', '/zadarma/:token', 'providers.zadarma'),
  ],
};
