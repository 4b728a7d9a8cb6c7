import type { Context } from 'koa';

import { checkSecondFactorCode } from '../../../second-factor/code-check';
import { removeSecondFactors } from '../../../second-factor/removal';
import { getService } from '../../../utils';
import { hasMessage, negotiateLocale, translate } from '../../i18n/messages';
import { pageContext } from '../../request/page-context';
import { requestSource } from '../../request/request-source';
import type { IdRoute } from '../../route';
import { time } from '../../templates/account-form';
import {
  enrolmentPage,
  recoveryCodesPage,
  twoStepAccountPage,
} from '../../templates/second-factor';
import { enrolmentView } from '../sign-in/second-step';
import type { AccountFeature } from './feature';
import { signedInForm, signedInPage } from './guard';
import { reauthenticate } from './reauthenticate';
import type { SignedIn } from './signed-in';

/** Renders "two-step sign-in" as it stands: on, being set up, or off. */
const renderTwoStep = async (
  feature: AccountFeature,
  ctx: Context,
  { account }: SignedIn,
  state: {
    status?: number;
    notice?: string | null;
    error?: string | null;
    errors?: { password?: string; code?: string };
  } = {}
) => {
  const { strapi, paths } = feature;
  const totp = getService(strapi, 'totp');
  const page = pageContext(ctx, paths.overview);
  ctx.status = state.status ?? 200;
  const enrolledAt = await totp.enrolledAt(account.id);
  const pending = enrolledAt ? null : await totp.pendingEnrolment(account.id, account.email);
  if (pending) {
    ctx.body = enrolmentPage(
      page,
      { account: true },
      {
        action: paths.twoStepConfirm,
        enrolment: await enrolmentView(pending),
        error: state.error,
        back: paths.overview,
      }
    );
    return;
  }
  ctx.body = twoStepAccountPage(page, {
    enrolledAt: enrolledAt ? time(page.locale, enrolledAt) : null,
    recoveryLeft: enrolledAt ? await getService(strapi, 'recovery-codes').remaining(account.id) : 0,
    startAction: paths.twoStepStart,
    removeAction: paths.twoStepRemove,
    back: paths.overview,
    notice: state.notice,
    errors: state.errors,
  });
};

/**
 * "My account" → two-step sign-in: set up an authenticator app (QR code, then a code to
 * confirm, then the recovery codes, shown once), or turn it off with the password and a code.
 */
export const createTwoStepRoutes = (feature: AccountFeature): IdRoute[] => [
  {
    method: 'GET',
    path: /^\/account\/two-step$/,
    handle: signedInPage(feature, async (ctx, _provider, signedIn) => {
      const key = `second-factor.notice.${String(ctx.query.done ?? '')}`;
      const locale = negotiateLocale(ctx.get('accept-language'));
      await renderTwoStep(feature, ctx, signedIn, {
        notice: hasMessage(key) ? translate(locale, key) : null,
      });
    }),
  },
  {
    method: 'POST',
    path: /^\/account\/two-step\/start$/,
    handle: signedInForm(feature, async (ctx, _provider, { account }) => {
      const totp = getService(feature.strapi, 'totp');
      // An app already on is replaced only by turning it off first (password and code).
      if (!(await totp.isEnrolled(account.id))) {
        await totp.startEnrolment(account.id, account.email);
      }
      ctx.status = 303;
      ctx.redirect(feature.paths.twoStep);
    }),
  },
  {
    method: 'POST',
    path: /^\/account\/two-step\/confirm$/,
    handle: signedInForm(feature, async (ctx, _provider, signedIn, form) => {
      const { strapi, paths } = feature;
      const locale = negotiateLocale(ctx.get('accept-language'));
      const code = (form.code ?? '').trim().slice(0, 64);
      if (!code) {
        return renderTwoStep(feature, ctx, signedIn, {
          status: 400,
          error: translate(locale, 'second-factor.error.missing'),
        });
      }
      const confirmed = await getService(strapi, 'totp').confirmEnrolment(
        signedIn.account.id,
        code
      );
      if (!confirmed.ok) {
        return renderTwoStep(feature, ctx, signedIn, {
          status: 400,
          error: translate(locale, 'second-factor.error.wrong'),
        });
      }
      const codes = await getService(strapi, 'recovery-codes').issue(signedIn.account.id);
      ctx.body = recoveryCodesPage(
        pageContext(ctx, paths.overview),
        { account: true },
        {
          codes,
          next: { href: paths.twoStep },
        }
      );
    }),
  },
  {
    method: 'POST',
    path: /^\/account\/two-step\/remove$/,
    handle: signedInForm(feature, async (ctx, _provider, signedIn, form) => {
      const { strapi, paths } = feature;
      const { account } = signedIn;
      const locale = negotiateLocale(ctx.get('accept-language'));
      const code = (form.code ?? '').trim().slice(0, 64);
      const refuse = (status: number, errors: { password?: string; code?: string }) =>
        renderTwoStep(feature, ctx, signedIn, { status, errors });
      if (!code) return refuse(400, { code: translate(locale, 'second-factor.error.missing') });

      const password = await reauthenticate(strapi, ctx, account, form.password, locale);
      if (!password.ok) return refuse(password.status, { password: password.error });
      const check = await checkSecondFactorCode(strapi, {
        account,
        code,
        ip: requestSource(strapi, ctx),
        userAgent: ctx.get('user-agent'),
      });
      if (!check.ok) {
        if (check.reason === 'throttled') {
          ctx.set('Retry-After', String(check.retryAfterSeconds));
          return refuse(429, {
            code: translate(locale, 'second-factor.error.throttled', {
              seconds: check.retryAfterSeconds,
            }),
          });
        }
        return refuse(400, { code: translate(locale, `second-factor.error.${check.reason}`) });
      }
      await removeSecondFactors(strapi, account.id);
      ctx.status = 303;
      ctx.redirect(`${paths.twoStep}?done=removed`);
    }),
  },
];
