import { hostname } from 'node:os';

import type { Core } from '@strapi/strapi';

/**
 * This CMS node among the platform's: its host and port. Apart from every other running node,
 * and the same after a restart, so what a node held before it stopped is known as its own.
 */
export const nodeName = (strapi: Core.Strapi) =>
  `${hostname()}:${Number(strapi.config.get('server.port'))}`.slice(0, 100);
