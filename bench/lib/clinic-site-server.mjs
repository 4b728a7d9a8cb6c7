// The clinic sites' SSR server as a benchmark target, run in a child of its own by
// clinic-site-target.mjs, reading the CMS at argv[2]: served as `npm start` serves it (the
// built handler behind its page cache), on a free loopback port, which it reports.
import { startClinicSitesServer } from '@vixenhealth/clinic-site/sites-server';

import { reportToParent } from './child.mjs';

await reportToParent(async () => {
  process.env.CMS_URL = process.argv[2];
  const server = await startClinicSitesServer({ host: '127.0.0.1', port: 0 });
  return { port: /** @type {import('node:net').AddressInfo} */ (server.address()).port };
});
