import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';

import { getService } from '../../utils';
import { requestSource } from '../request/request-source';
import { refuseBadCsrf } from '../request/refuse-bad-csrf';
import { readForm } from '../request/form';
import { sendVerificationLink } from './self-service/verification-mail';
import type { IdRoute } from '../route';
import { translate } from '../i18n/messages';
import { pageContext } from '../request/page-context';
import { consentPage, signInPage } from '../templates/pages';
import { passkeySignInOptions } from './passkeys/sign-in-options';
import { completeSignIn } from './sign-in/complete-sign-in';
import { finishInteraction } from './sign-in/finish-interaction';
import { upstreamButtons } from './upstream';
import { pendingSecondStep } from './sign-in/pending-second-step';
import { renderSecondStep } from './sign-in/second-step';
import { createSecondStepRoutes } from './sign-in/second-step-routes';

/**
 * The screens oidc-provider hands over to us during an authorization: sign in, then consent
 * (third-party applications only), each a plain HTML form that works without JavaScript.
 */
export const createInteractionRoutes = (strapi: Core.Strapi, base: string): IdRoute[] => {
  const paths = (uid: string) => ({
    self: `${base}/interaction/${uid}`,
    login: `${base}/interaction/${uid}/login`,
    confirm: `${base}/interaction/${uid}/confirm`,
    abort: `${base}/interaction/${uid}/abort`,
  });

  const clientName = async (provider: Provider, clientId: unknown) => {
    const client = await provider.Client.find(String(clientId));
    return client?.clientName ?? String(clientId);
  };

  const renderSignIn = async (
    ctx: Context,
    provider: Provider,
    details: Awaited<ReturnType<Provider['interactionDetails']>>,
    options: { email?: string; error?: string | null; status?: number } = {}
  ) => {
    const passkeys = passkeySignInOptions(strapi, base, details.uid);
    const page = pageContext(ctx, `${base}/interaction/${details.uid}`, passkeys.scripts);
    const urls = paths(details.uid);
    ctx.status = options.status ?? 200;
    ctx.body = signInPage(page, {
      passkey: passkeys.passkey,
      action: urls.login,
      abortAction: urls.abort,
      clientName: await clientName(provider, details.params.client_id),
      email: options.email ?? String(details.params.login_hint ?? ''),
      error: options.error ?? null,
      signUpUrl: `${base}/sign-up`,
      forgotUrl: `${base}/forgot-password`,
      upstreams: upstreamButtons(strapi, base, details.uid),
    });
  };

  const UID = '([A-Za-z0-9_-]{1,64})';
  return [
    ...createSecondStepRoutes(strapi, base),
    {
      method: 'GET',
      path: new RegExp(`^/interaction/${UID}$`),
      handle: async (ctx, provider) => {
        const details = await provider.interactionDetails(ctx.req, ctx.res);
        const pending = details.prompt.name === 'login' ? pendingSecondStep(details) : null;
        const waiting = pending
          ? await getService(strapi, 'accounts').findBySubject(pending.accountId)
          : null;
        if (pending && waiting && !waiting.blocked) {
          return renderSecondStep(strapi, ctx, base, details.uid, pending, waiting);
        }
        if (details.prompt.name === 'login') return renderSignIn(ctx, provider, details);
        const page = pageContext(ctx, `${base}/interaction/${details.uid}`);
        const urls = paths(details.uid);
        const missing = details.prompt.details as {
          missingOIDCScope?: string[];
          missingResourceScopes?: Record<string, string[]>;
        };
        const scopes = [
          ...(missing.missingOIDCScope ?? []),
          ...Object.values(missing.missingResourceScopes ?? {}).flat(),
        ];
        ctx.body = consentPage(page, {
          action: urls.confirm,
          abortAction: urls.abort,
          clientName: await clientName(provider, details.params.client_id),
          scopes: [...new Set(scopes)],
        });
      },
    },
    {
      method: 'POST',
      path: new RegExp(`^/interaction/${UID}/login$`),
      handle: async (ctx, provider) => {
        const details = await provider.interactionDetails(ctx.req, ctx.res);
        const form = await readForm(ctx);
        if (refuseBadCsrf(ctx, base, form)) return;
        const locale = pageContext(ctx, base).locale;
        const email = (form.email ?? '').trim().slice(0, 254);
        const password = (form.password ?? '').slice(0, 1024);
        if (!email || !password) {
          return renderSignIn(ctx, provider, details, {
            email,
            error: translate(locale, 'sign-in.error.missing'),
            status: 400,
          });
        }
        const result = await getService(strapi, 'accounts').signIn({
          email,
          password,
          ip: requestSource(strapi, ctx),
          userAgent: ctx.get('user-agent'),
        });
        if (!result.ok && result.reason === 'unverified') {
          // Each refused sign-in would mail a new link: the mail throttle decides how often.
          const permission = await getService(strapi, 'mail-throttle').take(
            'verify-email',
            result.account.email,
            requestSource(strapi, ctx)
          );
          if (permission.ok) await sendVerificationLink(strapi, result.account, locale);
        }
        if (!result.ok) {
          const error =
            result.reason === 'throttled'
              ? translate(locale, 'sign-in.error.throttled', { seconds: result.retryAfterSeconds })
              : translate(locale, `sign-in.error.${result.reason}`);
          if (result.reason === 'throttled')
            ctx.set('Retry-After', String(result.retryAfterSeconds));
          return renderSignIn(ctx, provider, details, {
            email,
            error,
            status: result.reason === 'throttled' ? 429 : 401,
          });
        }
        await completeSignIn(strapi, ctx, provider, { account: result.account, methods: ['pwd'] });
      },
    },
    {
      method: 'POST',
      path: new RegExp(`^/interaction/${UID}/confirm$`),
      handle: async (ctx, provider) => {
        const details = await provider.interactionDetails(ctx.req, ctx.res);
        const form = await readForm(ctx);
        if (refuseBadCsrf(ctx, base, form)) return;
        const { prompt, params, session, grantId } = details;
        if (prompt.name !== 'consent' || !session) return ctx.throw(400, 'Nothing to consent to');
        const grant = grantId
          ? await provider.Grant.find(grantId)
          : new provider.Grant({
              accountId: session.accountId,
              clientId: String(params.client_id),
            });
        if (!grant) return ctx.throw(400, 'Unknown grant');
        const missing = prompt.details as {
          missingOIDCScope?: string[];
          missingOIDCClaims?: string[];
          missingResourceScopes?: Record<string, string[]>;
        };
        if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
        if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
        for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
          grant.addResourceScope(resource, scopes.join(' '));
        }
        await finishInteraction(ctx, provider, { consent: { grantId: await grant.save() } });
      },
    },
    {
      method: 'POST',
      path: new RegExp(`^/interaction/${UID}/abort$`),
      handle: async (ctx, provider) => {
        const form = await readForm(ctx);
        if (refuseBadCsrf(ctx, base, form)) return;
        await finishInteraction(ctx, provider, {
          error: 'access_denied',
          error_description: 'The user cancelled the sign-in.',
        });
      },
    },
  ];
};
