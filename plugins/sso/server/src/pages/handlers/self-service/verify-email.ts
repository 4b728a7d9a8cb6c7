import type { Core } from '@strapi/strapi';

import { getService } from '../../../utils';
import { translate } from '../../i18n/messages';
import { pageContext } from '../../request/page-context';
import type { IdRoute } from '../../route';
import { messagePage } from '../../templates/forms';

/** The link in a verification email: confirms the address (a new one replaces the old). */
export const createVerifyEmailRoutes = (strapi: Core.Strapi, base: string): IdRoute[] => [
  {
    method: 'GET',
    path: /^\/verify-email$/,
    handle: async (ctx) => {
      const page = pageContext(ctx, base);
      const link = await getService(strapi, 'email-links').redeem(
        'verify-email',
        String(ctx.query.token ?? '')
      );
      const confirmed =
        link && (await getService(strapi, 'accounts').confirmEmail(link.userId, link.email));
      if (!link || !confirmed) {
        ctx.status = 400;
        ctx.body = messagePage(page, {
          title: translate(page.locale, 'error.title'),
          text: translate(page.locale, link ? 'verify.taken' : 'verify.invalid'),
          role: 'alert',
        });
        return;
      }
      ctx.body = messagePage(page, {
        title: translate(page.locale, 'verify.done.title'),
        text: translate(page.locale, 'verify.done.text', { email: link.email }),
      });
    },
  },
];
