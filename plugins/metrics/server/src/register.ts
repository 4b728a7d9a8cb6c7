import type { Core } from '@strapi/strapi';
import { signInRequired } from '@vixenhealth/sso/sign-in-required';

import { answerBeforeKoa } from './http/answer-before-koa';
import { eventEndpoint } from './http/event-endpoint';
import { trackerScript } from './middlewares/tracker-script';
import { getService } from './services/get-service';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  const system = getService(strapi, 'system');
  const { app } = strapi.server;
  answerBeforeKoa(
    strapi.server.httpServer,
    eventEndpoint({
      collector: () => getService(strapi, 'collector'),
      proxy: { proxy: app.proxy, proxyIpHeader: app.proxyIpHeader, maxIpsCount: app.maxIpsCount },
      record: (request) => system.recordRequest(request),
      logError: (message) => strapi.log.error(message),
    })
  );
  // System metrics: added before Strapi's own middlewares, so every request is timed with its
  // final status, and /metrics is answered before the admin panel or static files claim it.
  for (const middleware of system.middlewares()) strapi.server.use(middleware);
  strapi.server.use(trackerScript());
  // Dashboards: a request without credentials is told to sign in (401), not refused (403).
  strapi.server.use(
    signInRequired('/api/metrics/sites/', 'Sign in with VixenHealth ID to see the figures')
  );
};

export default register;
