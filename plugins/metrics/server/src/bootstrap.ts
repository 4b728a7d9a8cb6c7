import type { Core } from '@strapi/strapi';

import { getService } from './services/get-service';
import { ensureTables } from './storage/tables';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureTables(strapi.db.connection);
  // Collection: buffered events are written every flush interval from now on.
  getService(strapi, 'collector').start();
};

export default bootstrap;
