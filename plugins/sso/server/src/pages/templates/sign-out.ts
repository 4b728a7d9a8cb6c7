import { translate } from '../i18n/messages';
import { html, SafeHtml } from './html';
import { layout } from './layout';
import type { PageContext } from './page';

/**
 * Asks before signing out (RP-initiated logout). `form` is oidc-provider's own form, with its
 * anti-forgery token; our buttons submit it.
 */
export const signOutPage = (page: Omit<PageContext, 'csrfToken'>, form: string) =>
  layout({
    locale: page.locale,
    nonce: page.nonce,
    title: translate(page.locale, 'sign-out.title'),
    body: html`<h1>${translate(page.locale, 'sign-out.title')}</h1>
      <p class="lead">${translate(page.locale, 'sign-out.lead')}</p>
      ${new SafeHtml(form)}
      <button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>
        ${translate(page.locale, 'sign-out.yes')}
      </button>
      <button type="submit" form="op.logoutForm" class="secondary">
        ${translate(page.locale, 'sign-out.no')}
      </button>`,
  });

/** Shown after signing out when the application gave no page to return to. */
export const signedOutPage = (page: Omit<PageContext, 'csrfToken'>) =>
  layout({
    locale: page.locale,
    nonce: page.nonce,
    title: translate(page.locale, 'signed-out.title'),
    body: html`<h1>${translate(page.locale, 'signed-out.title')}</h1>
      <p role="status">${translate(page.locale, 'signed-out.text')}</p>`,
  });
