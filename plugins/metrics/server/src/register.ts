import type { Core } from '@strapi/strapi';
import { signInRequired } from '@vixenhealth/sso/sign-in-required';

import { collectionEndpoint } from './middlewares/collection-endpoint';
import { getService } from './services/get-service';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // System metrics: added before Strapi's own middlewares, so every request is timed with its
  // final status, and /metrics is answered before the admin panel or static files claim it.
  for (const middleware of getService(strapi, 'system').middlewares())
    strapi.server.use(middleware);
  // Added now, it runs before Strapi's configured middlewares: beacons skip their cost.
  strapi.server.use(collectionEndpoint(strapi, () => getService(strapi, 'collector')));
  // Dashboards: a request without credentials is told to sign in (401), not refused (403).
  strapi.server.use(
    signInRequired('/api/metrics/sites/', 'Sign in with VixenHealth ID to see the figures')
  );
};

export default register;
