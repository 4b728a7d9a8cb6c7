import type { Context } from 'koa';

import { translate } from '../i18n/messages';
import { errorPage } from '../templates/pages';
import { isCsrfValid } from './csrf';
import { pageContext } from './page-context';

/** Answers 403 with an explanation when a form's CSRF token is missing or wrong. */
export const refuseBadCsrf = (ctx: Context, base: string, form: Record<string, string>) => {
  if (isCsrfValid(ctx, form.csrf)) return false;
  const page = pageContext(ctx, base);
  ctx.status = 403;
  ctx.body = errorPage(page, translate(page.locale, 'error.csrf'));
  return true;
};
