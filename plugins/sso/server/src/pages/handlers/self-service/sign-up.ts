import type { Core } from '@strapi/strapi';

import { passwordProblem } from '../../../passwords/policy';
import { getConfig, getService } from '../../../utils';
import { refuseBadCsrf } from '../../request/refuse-bad-csrf';
import { readForm } from '../../request/form';
import { translate, type Locale } from '../../i18n/messages';
import { pageContext } from '../../request/page-context';
import type { IdRoute } from '../../route';
import { formPage, messagePage, type Field } from '../../templates/forms';
import { afterResponse } from './after-response';
import { refuseThrottledMail } from './mail-permission';
import { normaliseEmail } from './email-address';
import { sendVerificationLink } from './verification-mail';

const signUpFields = (
  locale: Locale,
  email = '',
  errors: Partial<Record<'email' | 'password', string>> = {}
): Field[] => [
  {
    name: 'email',
    label: translate(locale, 'sign-in.email'),
    type: 'email',
    autocomplete: 'email',
    value: email,
    error: errors.email,
  },
  {
    name: 'password',
    label: translate(locale, 'sign-in.password'),
    type: 'password',
    autocomplete: 'new-password',
    error: errors.password,
  },
];

/**
 * Sign-up with an email and a password. Whether the email was free or not, the answer is the
 * same page ("check your email"), given as fast: the account and the mail are made after it,
 * and only the mailbox's owner learns that an account exists.
 */
export const createSignUpRoutes = (strapi: Core.Strapi, base: string): IdRoute[] => {
  const render = (ctx: Parameters<IdRoute['handle']>[0], email = '', fieldErrors = {}) => {
    const page = pageContext(ctx, base);
    ctx.body = formPage(page, {
      title: translate(page.locale, 'sign-up.title'),
      lead: translate(page.locale, 'sign-up.lead'),
      action: `${base}/sign-up`,
      fields: signUpFields(page.locale, email, fieldErrors),
      submit: translate(page.locale, 'sign-up.submit'),
    });
    return page;
  };

  return [
    {
      method: 'GET',
      path: /^\/sign-up$/,
      handle: async (ctx) => {
        render(ctx);
      },
    },
    {
      method: 'POST',
      path: /^\/sign-up$/,
      handle: async (ctx) => {
        const form = await readForm(ctx);
        if (refuseBadCsrf(ctx, base, form)) return;
        const locale = pageContext(ctx, base).locale;
        const email = normaliseEmail(form.email);
        const password = form.password ?? '';
        if (!email) {
          ctx.status = 400;
          render(ctx, form.email ?? '', { email: translate(locale, 'email.invalid') });
          return;
        }
        // Checked before anything else, so that a taken email is refused exactly like a new one.
        const problem = passwordProblem(password, email);
        if (problem) {
          ctx.status = 400;
          render(ctx, email, { password: translate(locale, `password.${problem}`) });
          return;
        }
        const throttled = await refuseThrottledMail(strapi, ctx, 'sign-up', email, locale);
        if (throttled) {
          render(ctx, email, { email: throttled });
          return;
        }
        afterResponse(strapi, ctx, 'sign-up', async () => {
          const accounts = getService(strapi, 'accounts');
          if (await accounts.findByEmail(email)) {
            await getService(strapi, 'mailer').send({
              to: email,
              subject: translate(locale, 'mail.exists.subject'),
              text: translate(locale, 'mail.exists.text', {
                link: `${getConfig(strapi).issuer}/forgot-password`,
              }),
            });
            return;
          }
          await sendVerificationLink(strapi, await accounts.register(email, password), locale);
        });
        const page = pageContext(ctx, base);
        ctx.body = messagePage(page, {
          title: translate(locale, 'sign-up.sent.title'),
          text: translate(locale, 'sign-up.sent.text', { email }),
        });
      },
    },
  ];
};
