import type { Core } from '@strapi/strapi';

import { idServers } from './register';

const destroy = ({ strapi }: { strapi: Core.Strapi }) => {
  idServers.get(strapi)?.stop();
};

export default destroy;
