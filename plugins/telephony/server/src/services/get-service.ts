import type { Core } from '@strapi/strapi';

import type services from './index';

type Services = typeof services;

/** A telephony service, typed by its factory in `services/index.ts`. */
export const getService = <Name extends keyof Services>(
  strapi: Core.Strapi,
  name: Name
): ReturnType<Services[Name]> =>
  strapi.plugin('telephony').service(name) as unknown as ReturnType<Services[Name]>;
