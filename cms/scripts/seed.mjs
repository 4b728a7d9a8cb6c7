// `npm run seed`: adds whatever demo data is missing (idempotent) to the configured database.
import { createRequire } from 'node:module';
import path from 'node:path';

import { ensureEnvFile, loadEnvFile } from './lib/env-file.mjs';
import { CMS_DIR } from './lib/paths.mjs';

ensureEnvFile();
loadEnvFile();
process.env.LOG_LEVEL ??= 'warn';

const require = createRequire(path.join(CMS_DIR, 'package.json'));
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const app = await compileStrapi({ appDir: CMS_DIR });
const strapi = await createStrapi({ ...app, autoReload: false, serveAdminPanel: false }).load();
try {
  const { seedDemoData } = require(path.join(app.distDir ?? CMS_DIR, 'src', 'demo', 'seed.js'));
  const { created } = await seedDemoData(strapi);
  console.log(created > 0 ? `Seeded ${created} demo entries.` : 'Demo data is already there.');
} finally {
  await strapi.destroy();
}
