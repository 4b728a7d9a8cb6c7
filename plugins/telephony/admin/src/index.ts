import type { StrapiApp } from '@strapi/strapi/admin';

/** Telephony's part of the admin panel: it shows inside the Support page. */
export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: 'telephony', name: 'Telephony' });
  },
};
