import { negotiateLocale, translate } from '../../i18n/messages';
import { pageContext } from '../../request/page-context';
import type { IdRoute } from '../../route';
import { accountMessagePage } from '../../templates/account';
import { eraseAccount } from './erase-account';
import type { AccountFeature } from './feature';
import { signedInForm } from './guard';
import { reauthenticate } from './reauthenticate';
import { renderOverview } from './overview';
import { forgetSession } from './signed-in';

/** `POST /account/delete`: with the password, the account and everything of it is deleted. */
export const createDeletionRoute = (feature: AccountFeature): IdRoute => ({
  method: 'POST',
  path: /^\/account\/delete$/,
  handle: signedInForm(feature, async (ctx, provider, signedIn, form) => {
    const locale = negotiateLocale(ctx.get('accept-language'));
    const check = await reauthenticate(
      feature.strapi,
      ctx,
      signedIn.account,
      form.password,
      locale
    );
    if (!check.ok) {
      return renderOverview(feature, ctx, signedIn, {
        status: check.status,
        remove: { errors: { password: check.error } },
      });
    }
    await eraseAccount(feature.strapi, signedIn.account);
    forgetSession(ctx, provider);
    ctx.body = accountMessagePage(pageContext(ctx, feature.paths.overview), {
      title: translate(locale, 'account.goodbye.title'),
      text: translate(locale, 'account.goodbye.text'),
      links: [{ href: '/', label: translate(locale, 'error.back') }],
    });
  }),
});
