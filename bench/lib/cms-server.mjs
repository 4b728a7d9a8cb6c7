// The CMS as a benchmark target, run in a child of its own by cms-target.mjs with the environment
// it set. Boots like cms/testing/strapi-harness.ts, and reports the port it listens on.
import { CMS_DIR, CMS_DIST_DIR, requireStrapi } from './cms-app.mjs';
import { reportToParent } from './child.mjs';

await reportToParent(async () => {
  const strapi = requireStrapi().createStrapi({
    appDir: CMS_DIR,
    distDir: CMS_DIST_DIR,
    autoReload: false,
    serveAdminPanel: false,
  });
  // Runs the bootstrap too: on the empty database it seeds the demo data.
  await strapi.load();
  // listen() takes a callback and returns no promise.
  await new Promise((resolve) => strapi.server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (
    strapi.server.httpServer.address()
  );
  return { port };
});
