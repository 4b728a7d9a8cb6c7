import type { StrapiApp } from '@strapi/strapi/admin';
import type { ComponentType } from 'react';

import { CallPopup } from './calls/CallPopup';
import { TicketCalls } from './calls/TicketCalls';
import { Softphone } from './softphone/Softphone';

/** Telephony's part of the admin panel: it shows inside the Support page. */
export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: 'telephony', name: 'Telephony' });
  },
  bootstrap(app: StrapiApp) {
    const support = app.getPlugin('support');
    // The Support page's zones (support's `SUPPORT_INJECTION_ZONES`).
    support.injectComponent('desk', 'rail', { name: 'softphone', Component: Softphone });
    support.injectComponent('desk', 'rail', { name: 'telephony-call-popup', Component: CallPopup });
    support.injectComponent('ticket', 'aside', {
      name: 'telephony-ticket-calls',
      // Strapi types injected components without props; the Support page gives this zone's
      // `TicketZoneProps` (see `SupportZone`).
      Component: TicketCalls as unknown as ComponentType,
    });
  },
};
