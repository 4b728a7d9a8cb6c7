// node sites/clinic/server/serve.mjs: every clinic's site (the build of `npm run build`), with
// its page cache, on HOST (default localhost) and PORT (default 4321). The CMS is at CMS_URL.
import { startClinicSitesServer } from './lib/clinic-sites-server.mjs';

const host = process.env.HOST || 'localhost';
const server = await startClinicSitesServer({ host, port: Number(process.env.PORT || 4321) });
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
console.log(`Clinic sites listening on http://${host}:${port}`);
