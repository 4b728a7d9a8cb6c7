import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';

import { USER } from '../../../content-types/uids';
import type { Account } from '../../../services/accounts';
import { getConfig, getService } from '../../../utils';
import { translate } from '../../i18n/messages';
import { readForm } from '../../request/form';
import { pageContext } from '../../request/page-context';
import { refuseBadCsrf } from '../../request/refuse-bad-csrf';
import { requestSource } from '../../request/request-source';
import type { IdRoute } from '../../route';
import { messagePage } from '../../templates/forms';
import { completeSignIn } from '../sign-in/complete-sign-in';
import { readFlow } from './flow-cookie';
import { renderConfirm } from './result';

const UID = '([A-Za-z0-9_-]{1,64})';
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * Proving ownership of the existing account before an upstream identity with the same
 * (verified) email is linked to it: its password (throttled and recorded like any sign-in), or
 * a one-hour link mailed to the account's address, opened in this same browser.
 */
export const createUpstreamConfirmRoutes = (strapi: Core.Strapi, base: string): IdRoute[] => {
  const pending = async (ctx: Context, provider: Provider) => {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    const flow = readFlow(strapi, ctx);
    if (!flow || flow.stage !== 'confirm' || flow.uid !== details.uid) return null;
    const account = (await strapi.db
      .query(USER)
      .findOne({ where: { id: flow.userId }, populate: ['role'] })) as Account | null;
    if (account?.blocked) return null;
    return account ? { flow, account } : null;
  };
  const expired = (ctx: Context) => {
    const page = pageContext(ctx, base);
    ctx.status = 400;
    ctx.body = messagePage(page, {
      title: translate(page.locale, 'error.title'),
      text: translate(page.locale, 'upstream.error.failed'),
      role: 'alert',
    });
  };
  const labelOf = (id: string) =>
    getService(strapi, 'external-identities').upstreams().find(id)?.label ?? id;

  return [
    {
      method: 'POST',
      path: new RegExp(`^/interaction/${UID}/upstream-confirm$`),
      handle: async (ctx, provider) => {
        const form = await readForm(ctx);
        if (refuseBadCsrf(ctx, base, form)) return;
        const found = await pending(ctx, provider);
        if (!found) return expired(ctx);
        const { flow, account } = found;
        const locale = pageContext(ctx, base).locale;
        const retry = (error: string, status: number) =>
          renderConfirm(ctx, base, flow.uid, {
            providerLabel: labelOf(flow.profile.provider),
            email: account.email,
            error,
            status,
          });
        if (!form.password) return retry(translate(locale, 'account.reauth.missing'), 400);
        const result = await getService(strapi, 'accounts').signIn({
          email: account.email,
          password: form.password.slice(0, 1024),
          ip: requestSource(strapi, ctx),
          userAgent: ctx.get('user-agent'),
        });
        if (!result.ok) {
          if (result.reason === 'throttled') {
            ctx.set('Retry-After', String(result.retryAfterSeconds));
            return retry(
              translate(locale, 'sign-in.error.throttled', { seconds: result.retryAfterSeconds }),
              429
            );
          }
          return retry(translate(locale, `sign-in.error.${result.reason}`), 401);
        }
        const linked = await getService(strapi, 'external-identities').link(
          account.id,
          flow.profile
        );
        if (!linked.ok) return expired(ctx);
        await completeSignIn(strapi, ctx, provider, { account, methods: ['fed', 'pwd'] });
      },
    },
    {
      method: 'POST',
      path: new RegExp(`^/interaction/${UID}/upstream-confirm-mail$`),
      handle: async (ctx, provider) => {
        const form = await readForm(ctx);
        if (refuseBadCsrf(ctx, base, form)) return;
        const found = await pending(ctx, provider);
        if (!found) return expired(ctx);
        const { account } = found;
        const page = pageContext(ctx, base);
        const token = await getService(strapi, 'email-links').issue(
          'link-identity',
          account.id,
          account.email
        );
        await getService(strapi, 'mailer').send({
          to: account.email,
          subject: translate(page.locale, 'mail.link-identity.subject'),
          text: translate(page.locale, 'mail.link-identity.text', {
            provider: labelOf(found.flow.profile.provider),
            link: `${getConfig(strapi).issuer}/upstream/confirm?token=${token}`,
          }),
        });
        ctx.body = messagePage(page, {
          title: translate(page.locale, 'sign-up.sent.title'),
          text: translate(page.locale, 'upstream.confirm.sent', { email: account.email }),
        });
      },
    },
    {
      // The mailed link: links the identity, then finishes the sign-in it interrupted.
      method: 'GET',
      path: /^\/upstream\/confirm$/,
      handle: async (ctx) => {
        const token = String(ctx.query.token ?? '');
        const flow = readFlow(strapi, ctx);
        const links = getService(strapi, 'email-links');
        const link = TOKEN.test(token) ? await links.peek('link-identity', token) : null;
        if (!flow || flow.stage !== 'confirm' || !link || link.userId !== flow.userId) {
          return expired(ctx);
        }
        if (!(await links.redeem('link-identity', token))) return expired(ctx);
        const linked = await getService(strapi, 'external-identities').link(
          flow.userId,
          flow.profile
        );
        if (!linked.ok) return expired(ctx);
        ctx.status = 303;
        ctx.redirect(`${base}/interaction/${flow.uid}/upstream-result`);
      },
    },
  ];
};
