import type { Core } from '@strapi/strapi';

import { ensureTables } from './storage/tables';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureTables(strapi.db.connection);
};

export default bootstrap;
