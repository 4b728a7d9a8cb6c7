import type { Core } from '@strapi/strapi';

import { getService } from './services/get-service';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  getService(strapi, 'system').stop();
};

export default destroy;
