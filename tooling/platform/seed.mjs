// `npm run seed`: adds whatever demo data is missing (idempotent) to the configured database.
import path from 'node:path';

import { withStrapi } from '../lib/with-strapi.mjs';

await withStrapi(async (strapi, { distDir, require }) => {
  const { seedDemoData } = require(path.join(distDir, 'src', 'demo', 'seed.js'));
  const { created } = await seedDemoData(strapi);
  console.log(created > 0 ? `Seeded ${created} demo entries.` : 'Demo data is already there.');
});
