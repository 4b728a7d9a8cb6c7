import type { Core } from '@strapi/strapi';

import { collectionEndpoint } from './middlewares/collection-endpoint';
import { getService } from './services/get-service';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // System metrics: added before Strapi's own middlewares, so every request is timed with its
  // final status, and /metrics is answered before the admin panel or static files claim it.
  for (const middleware of getService(strapi, 'system').middlewares())
    strapi.server.use(middleware);
  // Added now, it runs before Strapi's configured middlewares: beacons skip their cost.
  strapi.server.use(collectionEndpoint(strapi, () => getService(strapi, 'collector')));
};

export default register;
