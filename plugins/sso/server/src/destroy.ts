import type { Core } from '@strapi/strapi';

import { idServers } from './register';
import { getService } from './utils';

const destroy = ({ strapi }: { strapi: Core.Strapi }) => {
  idServers.get(strapi)?.stop();
  getService(strapi, 'token-revocations').stop();
};

export default destroy;
