/**
 * ID's own screens, a sub-application of the plugin under the issuer's path: sign-in and
 * consent, sign-up, email verification, password reset and "my account". The rest of the
 * plugin reaches it only through this file.
 */
export { createIdRouter } from './router';
export { registerAccountClient } from './handlers/account';
// The screens oidc-provider renders itself (sign-out, protocol errors), in the same look.
export { pageContext } from './request/page-context';
export { errorPage } from './templates/pages';
// Pages of the plugin's other parts (the admin panel's sign-in refusals), in the same look.
export { translate } from './i18n/messages';
export { messagePage } from './templates/forms';
export { signedOutPage, signOutPage } from './templates/sign-out';
