import type { Core } from '@strapi/strapi';

import { signInRequired } from '@vixenhealth/sso/sign-in-required';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // A request without credentials for one's own tickets is told to sign in (401), not refused.
  strapi.server.use(
    signInRequired('/api/support/tickets', 'Sign in with VixenHealth ID to write to Support')
  );
};

export default register;
