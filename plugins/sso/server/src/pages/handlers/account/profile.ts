import { getConfig } from '../../../utils';
import { negotiateLocale } from '../../i18n/messages';
import type { IdRoute } from '../../route';
import { refuseThrottledMail } from '../self-service/mail-permission';
import { requestEmailChange } from './email-change';
import type { AccountFeature } from './feature';
import { signedInForm } from './guard';
import { renderOverview } from './overview';
import { readProfileInput } from './profile-input';
import { saveProfile } from './profile-store';

/** `POST /account/profile`: name and phone change at once, the email after verification. */
export const createProfileRoute = (feature: AccountFeature): IdRoute => ({
  method: 'POST',
  path: /^\/account\/profile$/,
  handle: signedInForm(feature, async (ctx, _provider, signedIn, form) => {
    const { strapi, paths } = feature;
    const locale = negotiateLocale(ctx.get('accept-language'));
    const input = readProfileInput(form, locale);
    if (Object.keys(input.errors).length > 0) {
      return renderOverview(feature, ctx, signedIn, {
        status: 400,
        profile: { values: input.raw, errors: input.errors },
      });
    }
    const { account } = signedIn;
    const emailChanged = input.values.email !== account.email.toLowerCase();
    const throttled =
      emailChanged &&
      (await refuseThrottledMail(strapi, ctx, 'email-change', input.values.email, locale));
    if (throttled) {
      return renderOverview(feature, ctx, signedIn, {
        status: 429,
        profile: { values: input.raw, errors: { email: throttled } },
      });
    }
    await saveProfile(strapi, account.documentId, {
      fullName: input.values.fullName,
      phone: input.values.phone,
    });
    if (emailChanged) {
      await requestEmailChange(strapi, account, input.values.email, {
        locale,
        accountUrl: `${getConfig(strapi).issuer}/account`,
      });
    }
    // Post/redirect/get: reloading the page does not send the form again.
    ctx.status = 303;
    ctx.redirect(`${paths.overview}?done=${emailChanged ? 'email' : 'profile'}`);
  }),
});
