import type { Core } from '@strapi/strapi';

import { registerAdminAccessLifecycles } from './admin-sign-in/lifecycles';
import { guardAdminPasswordRoutes } from './admin-sign-in/password-sign-in';
import { registerAdminSignInRoutes } from './admin-sign-in/sign-in-routes';
import { createIdTokenStrategy } from './auth/id-token-strategy';
import { createIdServer } from './id-server';
import { registerAccountRevocation } from './lifecycle/account-revocation';
import { registerClientChecks } from './lifecycle/client-registration';

export const idServers = new WeakMap<Core.Strapi, ReturnType<typeof createIdServer>>();

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // 1. ID answers under its issuer path ahead of Strapi's middlewares (bodies left unread).
  const server = createIdServer(strapi);
  idServers.set(strapi, server);
  strapi.server.use(server.middleware());
  // 2. The Content API accepts ID access tokens.
  strapi.get('auth').register('content-api', createIdTokenStrategy(strapi));
  // 3. Blocking a user ends their sessions and refresh tokens at once.
  registerAccountRevocation(strapi);
  // 4. Clients edited in the admin panel are checked, their secrets sealed.
  registerClientChecks(strapi);
  // 5. Staff sign in to the admin panel through ID; passwords only where ADMIN_PASSWORD_SIGN_IN
  //    allows; a directory change ends admin access at once.
  registerAdminSignInRoutes(strapi);
  guardAdminPasswordRoutes(strapi);
  registerAdminAccessLifecycles(strapi);
};

export default register;
