// node sites/clinic/server/serve-deploys-main.mjs: the clinics' static deploys (SITE_DEPLOYS_DIR,
// which the CMS's deploys write) by Host, on HOST (default 127.0.0.1) and PORT (default 4324).
// `npm start` serves them in its own process; the container (sites/Dockerfile) runs this.
import path from 'node:path';

import { serveDeploys } from './serve-deploys.mjs';

const dir = process.env.SITE_DEPLOYS_DIR;
if (!dir) throw new Error('Set SITE_DEPLOYS_DIR: the folder the CMS writes the deploys to');
const host = process.env.HOST || '127.0.0.1';
const server = await serveDeploys({
  dir: path.resolve(dir),
  host,
  port: Number(process.env.PORT || 4324),
  baseDomain: process.env.SITES_BASE_DOMAIN || 'localhost',
});
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
console.log(`Static deploys of ${dir} listening on http://${host}:${port}`);
