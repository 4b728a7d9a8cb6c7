import type { Core } from '@strapi/strapi';

import { getService } from './services/get-service';
import { ensureTables } from './storage/tables';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureTables(strapi.db.connection);
  // System metrics: the DB pool, and what other plugins announce (sign-ins, tickets, deploys).
  getService(strapi, 'system').start();
  // Collection: buffered events are written every flush interval from now on.
  getService(strapi, 'collector').start();
  getService(strapi, 'system').registerQueue(
    'metrics_buffer',
    () => getService(strapi, 'collector').buffered
  );
  // Dashboards: new events are rolled up every rollupIntervalMs; retention runs with it.
  getService(strapi, 'rollup').start();
};

export default bootstrap;
