import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';

import type { Account } from '../../../services/accounts';
import { getService } from '../../../utils';
import { translate, type MessageKey } from '../../i18n/messages';
import { pageContext } from '../../request/page-context';
import type { IdRoute } from '../../route';
import { messagePage } from '../../templates/forms';
import { upstreamConfirmPage } from '../../templates/upstream';
import { sendVerificationLink } from '../self-service/verification-mail';
import { completeSignIn } from '../sign-in/complete-sign-in';
import { readFlow, saveFlow } from './flow-cookie';
import { recordUpstreamSignIn } from './record';

const UID = '([A-Za-z0-9_-]{1,64})';

/** The confirmation form for linking to `account`: its password, or a mailed link. */
export const renderConfirm = (
  ctx: Context,
  base: string,
  uid: string,
  options: { providerLabel: string; email: string; error?: string | null; status?: number }
) => {
  const page = pageContext(ctx, base);
  ctx.status = options.status ?? 200;
  ctx.body = upstreamConfirmPage(page, {
    provider: options.providerLabel,
    email: options.email,
    passwordAction: `${base}/interaction/${uid}/upstream-confirm`,
    mailAction: `${base}/interaction/${uid}/upstream-confirm-mail`,
    error: options.error ?? null,
  });
};

/**
 * `GET /interaction/:uid/upstream-result`: what the profile the provider returned leads to,
 * inside the interaction it started from.
 * - An identity linked to an account signs in to it (`amr: ['fed']`), unless it is blocked or
 *   its email is not confirmed yet.
 * - An unknown identity whose email the provider VERIFIED and an account already has: the
 *   person first proves they own that account (password or mailed link), then it is linked.
 * - An unverified email an account has: never linked; sign in with the password and link from
 *   "my account".
 * - A new email: a new account (confirmed if the provider verified the email; otherwise the
 *   usual verification mail is sent first).
 */
export const createUpstreamResultRoute = (strapi: Core.Strapi, base: string): IdRoute => ({
  method: 'GET',
  path: new RegExp(`^/interaction/${UID}/upstream-result$`),
  handle: async (ctx: Context, provider: Provider) => {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    const flow = readFlow(strapi, ctx);
    const page = pageContext(ctx, base);
    const say = (key: MessageKey, status: number, values: Record<string, string> = {}) => {
      ctx.status = status;
      ctx.body = messagePage(page, {
        title: translate(page.locale, status < 400 ? 'upstream.title' : 'error.title'),
        text: translate(page.locale, key, values),
        role: status < 400 ? 'status' : 'alert',
      });
    };
    if (!flow || flow.stage === 'started' || flow.uid !== details.uid) {
      return say('upstream.error.failed', 400);
    }
    const { profile } = flow;
    const identities = getService(strapi, 'external-identities');
    const label = identities.upstreams().find(profile.provider)?.label ?? profile.provider;
    const record = (account: Account | null, outcome: 'success' | 'blocked' | 'unverified') =>
      recordUpstreamSignIn(strapi, ctx, {
        provider: profile.provider,
        email: account?.email ?? profile.email,
        userId: account?.id ?? null,
        outcome,
      });

    const linked = await identities.accountOf(profile);
    if (linked) {
      const { account, identity } = linked;
      if (account.blocked) {
        await record(account, 'blocked');
        return say('sign-in.error.blocked', 403);
      }
      if (!account.confirmed) {
        await record(account, 'unverified');
        await sendVerificationLink(strapi, account, page.locale);
        return say('sign-in.error.unverified', 403);
      }
      await identities.touch(identity.id);
      await record(account, 'success');
      return completeSignIn(strapi, ctx, provider, { account, methods: ['fed'] });
    }

    if (!profile.email) return say('upstream.error.no-email', 400, { provider: label });
    const existing = await getService(strapi, 'accounts').findByEmail(profile.email);
    if (existing) {
      if (existing.blocked) {
        await record(existing, 'blocked');
        return say('sign-in.error.blocked', 403);
      }
      if (!profile.emailVerified) {
        return say('upstream.error.unverified-match', 409, { provider: label });
      }
      saveFlow(strapi, ctx, base, {
        stage: 'confirm',
        uid: details.uid,
        profile,
        userId: existing.id,
      });
      return renderConfirm(ctx, base, details.uid, {
        providerLabel: label,
        email: existing.email,
      });
    }

    const account = await identities.createAccount({ ...profile, email: profile.email });
    if (!account.confirmed) {
      await record(account, 'unverified');
      await sendVerificationLink(strapi, account, page.locale);
      return say('upstream.created.verify', 200, { email: account.email });
    }
    await record(account, 'success');
    await completeSignIn(strapi, ctx, provider, { account, methods: ['fed'] });
  },
});
