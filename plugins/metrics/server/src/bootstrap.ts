import type { Core } from '@strapi/strapi';

import { getService } from './services/get-service';
import { ensureTables } from './storage/tables';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureTables(strapi.db.connection);
  // Dashboards: new events are rolled up every rollupIntervalMs; retention runs with it.
  getService(strapi, 'rollup').start();
};

export default bootstrap;
