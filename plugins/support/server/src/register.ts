import type { Core } from '@strapi/strapi';

import { requireSignIn } from './middlewares/require-sign-in';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // A request without credentials for one's own tickets is told to sign in (401), not refused.
  strapi.server.use(requireSignIn);
};

export default register;
