import type { Core } from '@strapi/strapi';

import type { IdRoute } from '../../route';
import { createImpersonationEndRoutes } from './end';
import { createImpersonationStartRoute } from './start';

/** Support acting as a person: the start link's landing, and the banner's "End". */
export const createImpersonationRoutes = (strapi: Core.Strapi, base: string): IdRoute[] => [
  createImpersonationStartRoute(strapi, base),
  ...createImpersonationEndRoutes(strapi, base),
];
