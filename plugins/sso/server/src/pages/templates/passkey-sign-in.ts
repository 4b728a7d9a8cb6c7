import { html } from './html';
import { t, type PageContext } from './page';
import { scriptData } from './passkey-script-data';

/**
 * The sign-in page's passkey button, hidden until the script finds a browser that can use
 * passkeys: without script the page is the password form alone.
 */
export const passkeySignIn = (page: PageContext, urls: { optionsUrl: string; verifyUrl: string }) =>
  html`<div
    id="passkey-sign-in"
    hidden
    ${scriptData(page, { options: urls.optionsUrl, verify: urls.verifyUrl })}
  >
    <p class="hint">${t(page, 'passkeys.sign-in.or')}</p>
    <p class="error" role="alert" id="passkey-error" hidden></p>
    <button type="button" id="passkey-sign-in-button">${t(page, 'passkeys.sign-in.submit')}</button>
  </div>`;
