import type { StrapiApp } from '@strapi/strapi/admin';

import { Softphone } from './softphone/Softphone';

/** Telephony's part of the admin panel: it shows inside the Support page. */
export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: 'telephony', name: 'Telephony' });
  },
  bootstrap(app: StrapiApp) {
    // The Support page's zone above every view (support's `SUPPORT_INJECTION_ZONES`).
    app
      .getPlugin('support')
      .injectComponent('desk', 'rail', { name: 'softphone', Component: Softphone });
  },
};
