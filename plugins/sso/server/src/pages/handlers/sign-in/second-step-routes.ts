import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';

import { checkSecondFactorCode } from '../../../second-factor/code-check';
import { getService } from '../../../utils';
import { negotiateLocale, translate } from '../../i18n/messages';
import { readForm } from '../../request/form';
import { refuseBadCsrf } from '../../request/refuse-bad-csrf';
import { requestSource } from '../../request/request-source';
import type { IdRoute } from '../../route';
import { finishInteraction } from './finish-interaction';
import { logIn } from './log-in';
import {
  pendingSecondStep,
  savePendingSecondStep,
  type PendingSecondStep,
} from './pending-second-step';
import { rememberDevice, renderSecondStep } from './second-step';

/**
 * Wrong codes one interaction may take before it is abandoned (the application is told
 * `access_denied` and the person signs in again, password first). The account's own throttle
 * (`SECOND_FACTOR_RULE`) holds across interactions.
 */
export const MAX_CODE_FAILURES_PER_SIGN_IN = 5;

/** The methods a sign-in proved once its second step is passed (RFC 8176). */
const withSecondFactor = (methods: string[]) => [...methods, 'otp', 'mfa'];

const UID = '([A-Za-z0-9_-]{1,64})';

/**
 * The forms of a sign-in's second step: a code (or recovery code) for an account with a second
 * factor; setting up the app, then the recovery codes, for staff without one.
 */
export const createSecondStepRoutes = (strapi: Core.Strapi, base: string): IdRoute[] => {
  /** The pending step at `stage` of this browser's interaction, or a 400 naming what is wrong. */
  const pendingAt = async (ctx: Context, provider: Provider, stage: PendingSecondStep['stage']) => {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    const form = await readForm(ctx);
    if (refuseBadCsrf(ctx, base, form)) return null;
    const pending = pendingSecondStep(details);
    if (!pending || pending.stage !== stage) {
      return ctx.throw(400, 'No sign-in is waiting for this step');
    }
    const account = await getService(strapi, 'accounts').findBySubject(pending.accountId);
    if (!account || account.blocked) return ctx.throw(400, 'Unknown account');
    const locale = negotiateLocale(ctx.get('accept-language'));
    return { details, form, pending, account, locale };
  };

  const code = (form: Record<string, string>) => (form.code ?? '').trim().slice(0, 64);

  return [
    {
      method: 'POST',
      path: new RegExp(`^/interaction/${UID}/second-step$`),
      handle: async (ctx, provider) => {
        const step = await pendingAt(ctx, provider, 'verify');
        if (!step) return;
        const { details, form, pending, account, locale } = step;
        const render = (error: string, status: number) =>
          renderSecondStep(strapi, ctx, base, details.uid, pending, account, { error, status });
        if (!code(form)) return render(translate(locale, 'second-factor.error.missing'), 400);

        const check = await checkSecondFactorCode(strapi, {
          account,
          code: code(form),
          ip: requestSource(strapi, ctx),
          userAgent: ctx.get('user-agent'),
        });
        if (check.ok) {
          if (form.remember === 'yes') await rememberDevice(strapi, ctx, base, account.id);
          return logIn(ctx, provider, pending.accountId, withSecondFactor(pending.methods));
        }
        if (check.reason === 'throttled') {
          ctx.set('Retry-After', String(check.retryAfterSeconds));
          return render(
            translate(locale, 'second-factor.error.throttled', {
              seconds: check.retryAfterSeconds,
            }),
            429
          );
        }
        const failures = pending.failures + 1;
        if (failures >= MAX_CODE_FAILURES_PER_SIGN_IN) {
          return finishInteraction(ctx, provider, {
            error: 'access_denied',
            error_description: translate(locale, 'second-factor.error.abandoned'),
          });
        }
        await savePendingSecondStep(ctx, provider, { ...pending, failures });
        return render(translate(locale, `second-factor.error.${check.reason}`), 401);
      },
    },
    {
      method: 'POST',
      path: new RegExp(`^/interaction/${UID}/enrol$`),
      handle: async (ctx, provider) => {
        const step = await pendingAt(ctx, provider, 'enrol');
        if (!step) return;
        const { details, form, pending, account, locale } = step;
        const render = (error: string, status: number) =>
          renderSecondStep(strapi, ctx, base, details.uid, pending, account, { error, status });
        if (!code(form)) return render(translate(locale, 'second-factor.error.missing'), 400);
        const confirmed = await getService(strapi, 'totp').confirmEnrolment(account.id, code(form));
        if (!confirmed.ok) {
          const failures = pending.failures + 1;
          if (failures >= MAX_CODE_FAILURES_PER_SIGN_IN) {
            return finishInteraction(ctx, provider, {
              error: 'access_denied',
              error_description: translate(locale, 'second-factor.error.abandoned'),
            });
          }
          await savePendingSecondStep(ctx, provider, { ...pending, failures });
          return render(translate(locale, 'second-factor.error.wrong'), 400);
        }
        const codes = await getService(strapi, 'recovery-codes').issue(account.id);
        const enrolled: PendingSecondStep = { ...pending, stage: 'enrolled' };
        await savePendingSecondStep(ctx, provider, enrolled);
        await renderSecondStep(strapi, ctx, base, details.uid, enrolled, account, { codes });
      },
    },
    {
      method: 'POST',
      path: new RegExp(`^/interaction/${UID}/continue$`),
      handle: async (ctx, provider) => {
        const step = await pendingAt(ctx, provider, 'enrolled');
        if (!step) return;
        await logIn(ctx, provider, step.pending.accountId, withSecondFactor(step.pending.methods));
      },
    },
  ];
};
