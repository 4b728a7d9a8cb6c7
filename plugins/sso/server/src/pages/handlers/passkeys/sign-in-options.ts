import type { Core } from '@strapi/strapi';

import type { PageScripts } from '../../request/page-context';
import { assetsUrl, PASSKEYS_SCRIPT } from './assets';

/** What the sign-in page of interaction `uid` needs to offer a passkey. */
export const passkeySignInOptions = (strapi: Core.Strapi, base: string, uid: string) => ({
  scripts: { scriptSrc: assetsUrl(strapi) } satisfies PageScripts,
  passkey: {
    scriptUrl: `${assetsUrl(strapi)}${PASSKEYS_SCRIPT}`,
    optionsUrl: `${base}/interaction/${uid}/passkey/options`,
    verifyUrl: `${base}/interaction/${uid}/passkey/verify`,
  },
});
