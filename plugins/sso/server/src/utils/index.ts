import type { Core } from '@strapi/strapi';

import type { SsoConfig } from '../config';
import type services from '../services';

type Services = typeof services;

/** One of this plugin's services, typed. */
export const getService = <Name extends keyof Services>(
  strapi: Core.Strapi,
  name: Name
): ReturnType<Services[Name]> => strapi.plugin('sso').service(name) as ReturnType<Services[Name]>;

/** This plugin's validated configuration. */
export const getConfig = (strapi: Core.Strapi): SsoConfig =>
  strapi.config.get('plugin::sso') as SsoConfig;

/** Where ID is served: the issuer's path, without a trailing slash (e.g. `/id`). */
export const mountPath = (config: SsoConfig) => new URL(config.issuer).pathname.replace(/\/$/, '');
