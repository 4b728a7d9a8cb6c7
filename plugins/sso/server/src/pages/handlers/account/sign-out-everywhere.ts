import { getService } from '../../../utils';
import { negotiateLocale, translate } from '../../i18n/messages';
import { pageContext } from '../../request/page-context';
import type { IdRoute } from '../../route';
import { accountMessagePage } from '../../templates/account';
import type { AccountFeature } from './feature';
import { signedInForm } from './guard';
import { forgetSession } from './signed-in';

/**
 * `POST /account/sign-out-everywhere`: ends every session, grant and refresh token of the
 * account, this browser's included. Access tokens already issued run out within minutes.
 */
export const createSignOutEverywhereRoute = (feature: AccountFeature): IdRoute => ({
  method: 'POST',
  path: /^\/account\/sign-out-everywhere$/,
  handle: signedInForm(feature, async (ctx, provider, { account }) => {
    await getService(feature.strapi, 'account-sessions').endAll(account.documentId);
    forgetSession(ctx, provider);
    const locale = negotiateLocale(ctx.get('accept-language'));
    ctx.body = accountMessagePage(pageContext(ctx, feature.paths.overview), {
      title: translate(locale, 'account.signed-out.title'),
      text: translate(locale, 'account.signed-out.text'),
      links: [
        { href: feature.paths.overview, label: translate(locale, 'account.sign-in-again') },
        { href: '/', label: translate(locale, 'error.back') },
      ],
    });
  }),
});
