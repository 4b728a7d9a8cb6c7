import type { Core } from '@strapi/strapi';

import type { IdRoute } from '../../route';
import { createCallbackRoute } from './callback';
import { createDeletionRoute } from './deletion';
import type { AccountFeature } from './feature';
import { createLinkedRoutes } from './linked';
import { createOverviewRoute } from './overview';
import { createPasswordRoute } from './password';
import { accountPaths } from './paths';
import { createProfileRoute } from './profile';
import { createSignOutEverywhereRoute } from './sign-out-everywhere';
import { createTwoStepRoutes } from './two-step';

export { registerAccountClient } from './client';

/**
 * "My account": personal data, password, sessions, sign-in history, deletion. Every page and
 * form is for the signed-in user only, who signs in through ID like any application.
 */
export const createAccountRoutes = (strapi: Core.Strapi, base: string): IdRoute[] => {
  const feature: AccountFeature = { strapi, base, paths: accountPaths(base) };
  return [
    createOverviewRoute(feature),
    createCallbackRoute(feature),
    createProfileRoute(feature),
    createPasswordRoute(feature),
    createSignOutEverywhereRoute(feature),
    createDeletionRoute(feature),
    ...createLinkedRoutes(feature),
    ...createTwoStepRoutes(feature),
  ];
};
