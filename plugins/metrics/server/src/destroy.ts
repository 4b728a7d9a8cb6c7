import type { Core } from '@strapi/strapi';

import { getService } from './services/get-service';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Dashboards: a roll-up under way finishes its transaction before the database closes.
  await getService(strapi, 'rollup').stop();
};

export default destroy;
