import type { Core } from '@strapi/strapi';

import type { IdRoute } from '../../route';
import { accountPaths } from '../account/paths';
import { createPasskeyAccountRoutes } from './account-routes';
import { createPasskeyAssetRoutes } from './assets';
import { createPasskeySignInRoutes } from './sign-in-routes';

/**
 * Passkeys (WebAuthn): signing in without a password, and managing them in "my account".
 * The pages work without script; the script only adds the passkey buttons.
 */
export const createPasskeyRoutes = (strapi: Core.Strapi, base: string): IdRoute[] => [
  ...createPasskeyAssetRoutes(),
  ...createPasskeySignInRoutes(strapi, base),
  ...createPasskeyAccountRoutes({ strapi, base, paths: accountPaths(base) }),
];

export { passkeySignInOptions } from './sign-in-options';
