import type { Core } from '@strapi/strapi';

import { stopChannels } from './channels/start-channels';
import { stopDeskWorker } from './jobs/desk-worker';
import { closeLiveEvents } from './live/live-events';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  stopDeskWorker(strapi);
  await stopChannels(strapi);
  await closeLiveEvents(strapi);
};

export default destroy;
