import type { Context } from 'koa';

import { getService } from '../../../utils';
import { hasMessage, negotiateLocale, translate } from '../../i18n/messages';
import { pageContext } from '../../request/page-context';
import type { IdRoute } from '../../route';
import {
  accountPage,
  type DeleteField,
  type FieldErrors,
  type PasswordField,
  type ProfileField,
} from '../../templates/account';
import { impersonationBanner } from '../../templates/impersonation-banner';
import type { AccountFeature } from './feature';
import { signedInPage } from './guard';
import { readProfile } from './profile-store';
import type { SignedIn } from './signed-in';

/** Enough to spot a stranger's attempt; staff see the full history. */
const HISTORY_LIMIT = 20;

/** What a form leaves on the page it re-renders: its status, notice, values and errors. */
export interface OverviewState {
  status?: number;
  notice?: string | null;
  profile?: { values: Record<ProfileField, string>; errors: FieldErrors<ProfileField> };
  password?: { errors: FieldErrors<PasswordField> };
  remove?: { errors: FieldErrors<DeleteField> };
}

/** Renders the account page for the signed-in user, with what a form left on it. */
export const renderOverview = async (
  feature: AccountFeature,
  ctx: Context,
  { account, session, impersonation }: SignedIn,
  state: OverviewState = {}
) => {
  const { strapi, paths } = feature;
  const [profile, history, sessions] = await Promise.all([
    readProfile(strapi, account.id),
    getService(strapi, 'login-history').forUser(account.id, HISTORY_LIMIT),
    getService(strapi, 'account-sessions').list(account.documentId, session.jti),
  ]);
  const page = pageContext(ctx, paths.overview);
  ctx.status = state.status ?? 200;
  ctx.body = accountPage(page, {
    paths,
    email: profile.email,
    confirmed: profile.confirmed,
    notice: state.notice ?? null,
    profile: state.profile ?? {
      values: {
        fullName: profile.fullName ?? '',
        phone: profile.phone ?? '',
        email: profile.email,
      },
      errors: {},
    },
    password: state.password ?? { errors: {} },
    remove: state.remove ?? { errors: {} },
    sessions,
    history,
    banner: impersonation
      ? impersonationBanner(page, impersonation, paths.impersonationEnd)
      : undefined,
  });
};

/** `GET /account`: the page itself; `?done=` names the form that just succeeded. */
export const createOverviewRoute = (feature: AccountFeature): IdRoute => ({
  method: 'GET',
  path: /^\/account$/,
  handle: signedInPage(
    feature,
    async (ctx, _provider, signedIn) => {
      const key = `account.notice.${String(ctx.query.done ?? '')}`;
      const locale = negotiateLocale(ctx.get('accept-language'));
      await renderOverview(feature, ctx, signedIn, {
        notice: hasMessage(key) ? translate(locale, key) : null,
      });
    },
    { whileImpersonated: true }
  ),
});
