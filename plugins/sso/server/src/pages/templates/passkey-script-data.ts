import { html } from './html';
import { t, type PageContext } from './page';

/**
 * What the passkeys script needs from the page, as `data-*` attributes of the element it
 * enhances: where to post, the form's CSRF token, and its own messages in the page's language.
 */
export const scriptData = (page: PageContext, urls: { options: string; verify: string }) =>
  html`data-options-url="${urls.options}" data-verify-url="${urls.verify}"
  data-csrf="${page.csrfToken}" data-msg-cancelled="${t(page, 'passkeys.error.cancelled')}"
  data-msg-failed="${t(page, 'passkeys.error.failed')}"
  data-msg-network="${t(page, 'passkeys.error.network')}"`;
