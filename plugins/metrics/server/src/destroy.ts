import type { Core } from '@strapi/strapi';

import { getService } from './services/get-service';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Collection: events still buffered are written before the database closes.
  await getService(strapi, 'collector').close();
  getService(strapi, 'system').stop();
};

export default destroy;
