import { passwordProblem } from '../../../passwords/policy';
import { getService } from '../../../utils';
import { afterResponse } from '../self-service/after-response';
import { sendPasswordChangedMail } from '../self-service/password-changed-mail';
import { negotiateLocale, translate } from '../../i18n/messages';
import type { IdRoute } from '../../route';
import type { FieldErrors, PasswordField } from '../../templates/account';
import type { AccountFeature } from './feature';
import { signedInForm } from './guard';
import { renderOverview } from './overview';
import { reauthenticate } from './reauthenticate';
import { grantIdsOf } from './signed-in';

/**
 * `POST /account/password`: the current password, then the new one twice. Whoever else was
 * signed in (perhaps with the old password) is signed out, and no application can renew its
 * tokens; this browser stays signed in.
 */
export const createPasswordRoute = (feature: AccountFeature): IdRoute => ({
  method: 'POST',
  path: /^\/account\/password$/,
  handle: signedInForm(feature, async (ctx, _provider, signedIn, form) => {
    const { strapi, paths } = feature;
    const { account, session } = signedIn;
    const locale = negotiateLocale(ctx.get('accept-language'));
    const refuse = (status: number, fieldErrors: FieldErrors<PasswordField>) =>
      renderOverview(feature, ctx, signedIn, { status, password: { errors: fieldErrors } });

    const newPassword = (form.newPassword ?? '').slice(0, 1024);
    const fieldErrors: FieldErrors<PasswordField> = {};
    if (!form.currentPassword)
      fieldErrors.currentPassword = translate(locale, 'account.reauth.missing');
    // The policy (which setPassword enforces again) comes first: a refused form costs no attempt.
    const problem = passwordProblem(newPassword, account.email);
    if (problem) fieldErrors.newPassword = translate(locale, `password.${problem}`);
    else if (newPassword !== form.newPasswordAgain) {
      fieldErrors.newPasswordAgain = translate(locale, 'account.password.error.mismatch');
    }
    if (Object.keys(fieldErrors).length > 0) return refuse(400, fieldErrors);

    const check = await reauthenticate(strapi, ctx, account, form.currentPassword, locale);
    if (!check.ok) return refuse(check.status, { currentPassword: check.error });

    await getService(strapi, 'accounts').setPassword(account, newPassword);
    afterResponse(strapi, ctx, 'password-changed mail', () =>
      sendPasswordChangedMail(strapi, account, locale)
    );
    await getService(strapi, 'account-sessions').endOthers(account.documentId, {
      id: session.jti,
      grantIds: grantIdsOf(session),
    });
    // A browser remembered under the old password must pass the second step again.
    await getService(strapi, 'remembered-devices').forgetAll({ id: account.id });
    ctx.status = 303;
    ctx.redirect(`${paths.overview}?done=password`);
  }),
});
