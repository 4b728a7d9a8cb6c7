import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { passwordProblem } from '../../../passwords/policy';
import { getConfig, getService } from '../../../utils';
import { refuseBadCsrf } from '../../request/refuse-bad-csrf';
import { readForm } from '../../request/form';
import { translate } from '../../i18n/messages';
import { pageContext } from '../../request/page-context';
import type { IdRoute } from '../../route';
import { formPage, messagePage } from '../../templates/forms';
import { afterResponse } from './after-response';
import { normaliseEmail } from './email-address';
import { refuseThrottledMail } from './mail-permission';
import { sendPasswordChangedMail } from './password-changed-mail';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * "Forgot your password?": a one-hour link by email, then a new password. The answer never says
 * whether the email has an account, nor does its timing: the mail goes out after it. A reset ends every session and refresh token of the account.
 */
export const createPasswordResetRoutes = (strapi: Core.Strapi, base: string): IdRoute[] => {
  const links = () => getService(strapi, 'email-links');

  const renderForgot = (ctx: Context, email = '', error: string | null = null) => {
    const page = pageContext(ctx, base);
    ctx.body = formPage(page, {
      title: translate(page.locale, 'forgot.title'),
      lead: translate(page.locale, 'forgot.lead'),
      action: `${base}/forgot-password`,
      fields: [
        {
          name: 'email',
          label: translate(page.locale, 'sign-in.email'),
          type: 'email',
          autocomplete: 'email',
          value: email,
          error,
        },
      ],
      submit: translate(page.locale, 'forgot.submit'),
    });
  };

  const renderReset = (ctx: Context, token: string, error: string | null = null) => {
    const page = pageContext(ctx, base);
    ctx.body = formPage(page, {
      title: translate(page.locale, 'reset.title'),
      action: `${base}/reset-password`,
      fields: [
        { name: 'token', label: '', type: 'hidden', value: token },
        {
          name: 'password',
          label: translate(page.locale, 'reset.password'),
          type: 'password',
          autocomplete: 'new-password',
          error,
        },
      ],
      submit: translate(page.locale, 'reset.submit'),
    });
  };

  const invalidLink = (ctx: Context) => {
    const page = pageContext(ctx, base);
    ctx.status = 400;
    ctx.body = messagePage(page, {
      title: translate(page.locale, 'error.title'),
      text: translate(page.locale, 'reset.invalid'),
      role: 'alert',
    });
  };

  return [
    { method: 'GET', path: /^\/forgot-password$/, handle: async (ctx) => renderForgot(ctx) },
    {
      method: 'POST',
      path: /^\/forgot-password$/,
      handle: async (ctx) => {
        const form = await readForm(ctx);
        if (refuseBadCsrf(ctx, base, form)) return;
        const locale = pageContext(ctx, base).locale;
        const email = normaliseEmail(form.email);
        if (!email) {
          ctx.status = 400;
          return renderForgot(ctx, form.email ?? '', translate(locale, 'email.invalid'));
        }
        const throttled = await refuseThrottledMail(strapi, ctx, 'reset-password', email, locale);
        if (throttled) return renderForgot(ctx, email, throttled);
        afterResponse(strapi, ctx, 'password reset mail', async () => {
          const account = await getService(strapi, 'accounts').findByEmail(email);
          if (!account || account.blocked) return;
          const token = await links().issue('reset-password', account.id, account.email);
          await getService(strapi, 'mailer').send({
            to: account.email,
            subject: translate(locale, 'mail.reset.subject'),
            text: translate(locale, 'mail.reset.text', {
              link: `${getConfig(strapi).issuer}/reset-password?token=${token}`,
            }),
          });
        });
        const page = pageContext(ctx, base);
        ctx.body = messagePage(page, {
          title: translate(locale, 'sign-up.sent.title'),
          text: translate(locale, 'forgot.sent.text', { email }),
        });
      },
    },
    {
      method: 'GET',
      path: /^\/reset-password$/,
      handle: async (ctx) => {
        const token = String(ctx.query.token ?? '');
        if (!TOKEN.test(token) || !(await links().peek('reset-password', token)))
          return invalidLink(ctx);
        renderReset(ctx, token);
      },
    },
    {
      method: 'POST',
      path: /^\/reset-password$/,
      handle: async (ctx) => {
        const form = await readForm(ctx);
        if (refuseBadCsrf(ctx, base, form)) return;
        const token = form.token ?? '';
        const link = TOKEN.test(token) ? await links().peek('reset-password', token) : null;
        if (!link) return invalidLink(ctx);
        const locale = pageContext(ctx, base).locale;
        const password = form.password ?? '';
        // Checked before the link is used up, so a refused password lets the user try again.
        const problem = passwordProblem(password, link.email);
        if (problem) {
          ctx.status = 400;
          return renderReset(ctx, token, translate(locale, `password.${problem}`));
        }
        if (!(await links().redeem('reset-password', token))) return invalidLink(ctx);
        const accounts = getService(strapi, 'accounts');
        const account = await accounts.findByEmail(link.email);
        if (!account || account.id !== link.userId) return invalidLink(ctx);
        await accounts.setPassword(account, password);
        // Whoever knew the old password is signed out, and no browser skips the second step
        // any more; the mailbox proved the address.
        await getService(strapi, 'account-sessions').endAll(account.documentId);
        await accounts.confirmEmail(account.id, account.email);
        afterResponse(strapi, ctx, 'password-changed mail', () =>
          sendPasswordChangedMail(strapi, account, locale)
        );
        const page = pageContext(ctx, base);
        ctx.body = messagePage(page, {
          title: translate(locale, 'reset.done.title'),
          text: translate(locale, 'reset.done.text'),
        });
      },
    },
  ];
};
