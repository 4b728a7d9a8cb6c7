import type { Core } from '@strapi/strapi';

import { getService } from './services/get-service';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Collection: events still buffered are written before the database closes.
  await getService(strapi, 'collector').close();
  // Dashboards: a roll-up under way finishes its transaction before the database closes.
  await getService(strapi, 'rollup').stop();
  getService(strapi, 'system').stop();
};

export default destroy;
