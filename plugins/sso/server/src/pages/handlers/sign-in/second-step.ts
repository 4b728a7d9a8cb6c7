import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';

import type { Account } from '../../../services/accounts';
import { getService } from '../../../utils';
import { translate } from '../../i18n/messages';
import { pageContext } from '../../request/page-context';
import { qrCodeSvg } from '../../templates/qr-code';
import { enrolmentPage, recoveryCodesPage, secondStepPage } from '../../templates/second-factor';
import { savePendingSecondStep, type PendingSecondStep } from './pending-second-step';

/** The cookie of a remembered browser (a random token; its hash is kept with the account). */
export const DEVICE_COOKIE = 'vh_id_device';

/** The forms of a sign-in's second step, below the issuer's path `base`. */
export const secondStepPaths = (base: string, uid: string) => ({
  page: `${base}/interaction/${uid}`,
  verify: `${base}/interaction/${uid}/second-step`,
  enrol: `${base}/interaction/${uid}/enrol`,
  proceed: `${base}/interaction/${uid}/continue`,
  abort: `${base}/interaction/${uid}/abort`,
});

/** Tells an authenticator app what to add: the QR code, key and link of an enrolment. */
export const enrolmentView = async (enrolment: { secret: string; uri: string }) => ({
  ...enrolment,
  qrSvg: await qrCodeSvg(enrolment.uri),
});

/** Renders the page the pending second step is at, with an error when a form failed. */
export const renderSecondStep = async (
  strapi: Core.Strapi,
  ctx: Context,
  base: string,
  uid: string,
  pending: PendingSecondStep,
  account: Pick<Account, 'id' | 'email'>,
  options: { error?: string | null; status?: number; codes?: string[] } = {}
) => {
  const paths = secondStepPaths(base, uid);
  const page = pageContext(ctx, paths.page);
  ctx.status = options.status ?? 200;
  if (pending.stage === 'verify') {
    ctx.body = secondStepPage(page, {
      action: paths.verify,
      abortAction: paths.abort,
      error: options.error,
    });
    return;
  }
  if (pending.stage === 'enrolled') {
    ctx.body = recoveryCodesPage(
      page,
      { account: false },
      {
        codes: options.codes ?? [],
        next: { action: paths.proceed },
      }
    );
    return;
  }
  const totp = getService(strapi, 'totp');
  const enrolment =
    (await totp.pendingEnrolment(account.id, account.email)) ??
    (await totp.startEnrolment(account.id, account.email));
  ctx.body = enrolmentPage(
    page,
    { account: false },
    {
      action: paths.enrol,
      enrolment: await enrolmentView(enrolment),
      lead: translate(page.locale, 'second-factor.enrol.required'),
      error: options.error,
    }
  );
};

/**
 * Holds a sign-in whose password was right until its second step is done (`verify`), or until
 * a staff member without one has set it up (`enrol`), and shows the step's page.
 */
export const beginSecondStep = async (
  strapi: Core.Strapi,
  ctx: Context,
  provider: Provider,
  base: string,
  first: { account: Account; methods: string[] },
  stage: 'verify' | 'enrol'
) => {
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  const pending: PendingSecondStep = {
    accountId: first.account.documentId,
    methods: first.methods,
    stage,
    failures: 0,
  };
  await savePendingSecondStep(ctx, provider, pending);
  if (stage === 'enrol') {
    await getService(strapi, 'totp').startEnrolment(first.account.id, first.account.email);
  }
  await renderSecondStep(strapi, ctx, base, details.uid, pending, first.account);
};

/** Remembers this browser for the account for 30 days (the checkbox of the second step). */
export const rememberDevice = async (
  strapi: Core.Strapi,
  ctx: Context,
  base: string,
  userId: number
) => {
  const { token, expiresAt } = await getService(strapi, 'remembered-devices').remember(userId);
  ctx.cookies.set(DEVICE_COOKIE, token, {
    path: base,
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.secure,
    signed: false,
    expires: expiresAt,
    overwrite: true,
  });
};
