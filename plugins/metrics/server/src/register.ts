import type { Core } from '@strapi/strapi';

import { getService } from './services/get-service';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // System metrics: added before Strapi's own middlewares, so every request is timed with its
  // final status, and /metrics is answered before the admin panel or static files claim it.
  for (const middleware of getService(strapi, 'system').middlewares())
    strapi.server.use(middleware);
};

export default register;
