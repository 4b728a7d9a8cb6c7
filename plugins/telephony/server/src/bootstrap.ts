import type { Core } from '@strapi/strapi';

import { ensureEventLog } from './storage/event-log';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureEventLog(strapi.db.connection);
};

export default bootstrap;
