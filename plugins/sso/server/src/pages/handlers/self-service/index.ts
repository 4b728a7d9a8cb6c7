import type { Core } from '@strapi/strapi';

import type { IdRoute } from '../../route';
import { createPasswordResetRoutes } from './password-reset';
import { createSignUpRoutes } from './sign-up';
import { createVerifyEmailRoutes } from './verify-email';

/** Pages people use on their own: sign up, confirm an email, reset a forgotten password. */
export const createSelfServiceRoutes = (strapi: Core.Strapi, base: string): IdRoute[] => [
  ...createSignUpRoutes(strapi, base),
  ...createVerifyEmailRoutes(strapi, base),
  ...createPasswordResetRoutes(strapi, base),
];
