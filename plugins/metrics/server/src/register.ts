import type { Core } from '@strapi/strapi';

import { collectionEndpoint } from './middlewares/collection-endpoint';
import { getService } from './services/get-service';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Added now, it runs before Strapi's configured middlewares: beacons skip their cost.
  strapi.server.use(collectionEndpoint(strapi, () => getService(strapi, 'collector')));
};

export default register;
