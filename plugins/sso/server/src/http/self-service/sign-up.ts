import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { PasswordProblem } from '../../passwords/policy';
import { getConfig, getService } from '../../utils';
import { refuseBadCsrf } from '../csrf';
import { readForm } from '../form';
import { translate, type Locale } from '../i18n/messages';
import { pageContext } from '../page-context';
import type { IdRoute } from '../route';
import { formPage, messagePage, type Field } from '../views/forms';
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
 * same page ("check your email"): only the mailbox's owner learns that an account exists.
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
        const accounts = getService(strapi, 'accounts');
        const existing = await accounts.findByEmail(email);
        if (existing) {
          await getService(strapi, 'mailer').send({
            to: email,
            subject: translate(locale, 'mail.exists.subject'),
            text: translate(locale, 'mail.exists.text', {
              link: `${getConfig(strapi).issuer}/forgot-password`,
            }),
          });
        } else {
          try {
            const account = await accounts.register(email, password);
            await sendVerificationLink(strapi, account, locale);
          } catch (error) {
            if (!(error instanceof errors.ValidationError)) throw error;
            const problem = error.message.replace('password: ', '') as PasswordProblem;
            ctx.status = 400;
            render(ctx, email, { password: translate(locale, `password.${problem}`) });
            return;
          }
        }
        const page = pageContext(ctx, base);
        ctx.body = messagePage(page, {
          title: translate(locale, 'sign-up.sent.title'),
          text: translate(locale, 'sign-up.sent.text', { email }),
        });
      },
    },
  ];
};
