import type { Core } from '@strapi/strapi';

import type services from './index';

type Services = typeof services;

/** A metrics service, typed by its factory in `services/index.ts`. */
export const getService = <Name extends keyof Services>(
  strapi: Core.Strapi,
  name: Name
): ReturnType<Services[Name]> =>
  strapi.plugin('metrics').service(name) as unknown as ReturnType<Services[Name]>;
