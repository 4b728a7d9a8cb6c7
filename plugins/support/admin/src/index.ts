import type { StrapiApp } from '@strapi/strapi/admin';
import { Message } from '@strapi/icons';

import { SUPPORT_INJECTION_ZONES } from '../../shared/contracts/admin-zones';
import { DESK_PERMISSIONS } from '../../shared/contracts/rights';

/** The Support desk's admin page, shown to whoever holds any of the desk's permissions. */
export default {
  register(app: StrapiApp) {
    app.registerPlugin({
      id: 'support',
      name: 'Support',
      // Copied: Strapi pushes injected components into these arrays.
      injectionZones: structuredClone(SUPPORT_INJECTION_ZONES) as never,
    });
    app.addMenuLink({
      to: 'plugins/support',
      icon: Message,
      intlLabel: { id: 'support.menu', defaultMessage: 'Поддержка' },
      permissions: Object.values(DESK_PERMISSIONS).map((action) => ({ action, subject: null })),
      Component: () => import('./pages/SupportApp'),
    });
  },
};
