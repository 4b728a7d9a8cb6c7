import type { Context } from 'koa';

import { messagePage, pageContext, translate } from '../pages';
import type { AdminSignInRefusal } from './errors';
import { ADMIN_LOGIN_PATH, CALLBACK_PATH } from './paths';

/** A small page in the reader's language saying why, with the way back to the login page. */
export const renderRefusal = (ctx: Context, refusal: AdminSignInRefusal) => {
  const page = pageContext(ctx, CALLBACK_PATH);
  ctx.status = refusal === 'failed' || refusal === 'cancelled' ? 400 : 403;
  ctx.body = messagePage(page, {
    title: translate(page.locale, 'admin-sign-in.title'),
    text: translate(page.locale, `admin-sign-in.${refusal}`),
    role: 'alert',
    link: { href: ADMIN_LOGIN_PATH, text: translate(page.locale, 'admin-sign-in.try-again') },
  }).toString();
};
