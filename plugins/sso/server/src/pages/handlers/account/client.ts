import type { Core } from '@strapi/strapi';

import { getConfig, getService } from '../../../utils';

/** The "my account" pages sign users in like any application: as this first-party client. */
export const ACCOUNT_CLIENT_ID = 'account';

/** Where ID sends the browser back after signing in for the account pages. */
export const accountCallbackUrl = (issuer: string) =>
  `${issuer.replace(/\/$/, '')}/account/callback`;

/**
 * Registers (or updates) the account pages' client at every start, so its redirect URI follows
 * the issuer. Public (PKCE), authorization code only: it needs no tokens beyond the sign-in.
 */
export const registerAccountClient = async (strapi: Core.Strapi) => {
  const { issuer } = getConfig(strapi);
  await getService(strapi, 'clients').register({
    clientId: ACCOUNT_CLIENT_ID,
    name: 'VixenHealth account',
    redirectUris: [accountCallbackUrl(issuer)],
    grantTypes: ['authorization_code'],
    scope: 'openid',
    firstParty: true,
  });
};
