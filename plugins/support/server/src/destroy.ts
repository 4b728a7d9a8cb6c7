import type { Core } from '@strapi/strapi';

import { stopDeskWorker } from './jobs/desk-worker';

const destroy = ({ strapi }: { strapi: Core.Strapi }) => {
  stopDeskWorker(strapi);
};

export default destroy;
