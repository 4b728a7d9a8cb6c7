import type { Core } from '@strapi/strapi';

import { requireSignIn } from './setup/require-sign-in';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Dashboards: a request without credentials is told to sign in (401), not refused (403).
  strapi.server.use(requireSignIn);
};

export default register;
