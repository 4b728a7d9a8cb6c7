import type { Core } from '@strapi/strapi';

import { connectDesk } from './desk/connect-desk';
import { ensureEventLog } from './storage/event-log';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureEventLog(strapi.db.connection);
  connectDesk(strapi);
};

export default bootstrap;
