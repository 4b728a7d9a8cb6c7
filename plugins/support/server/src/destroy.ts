import type { Core } from '@strapi/strapi';

import { stopChannels } from './channels/start-channels';
import { stopDeskWorker } from './jobs/desk-worker';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  stopDeskWorker(strapi);
  await stopChannels(strapi);
};

export default destroy;
