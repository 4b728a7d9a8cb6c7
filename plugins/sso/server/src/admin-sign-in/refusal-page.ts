import type { Context } from 'koa';

import { negotiateLocale, translate } from '../pages/i18n/messages';
import { pageContext } from '../pages/request/page-context';
import { html } from '../pages/templates/html';
import { layout } from '../pages/templates/layout';
import type { AdminSignInRefusal } from './errors';
import { ADMIN_LOGIN_PATH, CALLBACK_PATH } from './paths';

/** A small page in the reader's language saying why, with the way back to the login page. */
export const renderRefusal = (ctx: Context, refusal: AdminSignInRefusal) => {
  const page = pageContext(ctx, CALLBACK_PATH);
  const locale = negotiateLocale(ctx.get('accept-language'));
  const title = translate(locale, 'admin-sign-in.title');
  ctx.status = refusal === 'failed' || refusal === 'cancelled' ? 400 : 403;
  ctx.body = layout({
    locale,
    nonce: page.nonce,
    title,
    body: html`<h1>${title}</h1>
      <p role="alert" class="error">${translate(locale, `admin-sign-in.${refusal}`)}</p>
      <p><a href="${ADMIN_LOGIN_PATH}">${translate(locale, 'admin-sign-in.try-again')}</a></p>`,
  }).toString();
};
