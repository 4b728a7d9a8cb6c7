import type { Core } from '@strapi/strapi';

import { startChannels } from './channels/start-channels';
import { startDeskWorker } from './jobs/desk-worker';
import { ensureDefaultGroups } from './routing/default-groups';
import { ensureDefaultMacros } from './setup/default-macros';
import { registerDeskActions } from './setup/desk-roles';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  // 1. The desk's admin-panel rights; the groups and canned replies a fresh desk starts with. Roles and
  //    permissions of other plugins' roles are synced by the app once they exist (service `setup`).
  await registerDeskActions(strapi);
  await ensureDefaultGroups(strapi);
  await ensureDefaultMacros(strapi);
  // 2. The configured channels connect; replies go out, unanswered tickets return to their groups.
  startChannels(strapi);
  startDeskWorker(strapi);
};

export default bootstrap;
