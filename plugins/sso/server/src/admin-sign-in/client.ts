import type { Core } from '@strapi/strapi';

import { getService } from '../utils';
import { ADMIN_PANEL_CLIENT_ID, adminCallbackUrl } from './paths';

/**
 * Registers (or updates) the admin panel's client at every start, so its redirect URI follows
 * the CMS's address. Public (PKCE), authorization code only: the panel keeps its own session.
 */
export const registerAdminPanelClient = async (strapi: Core.Strapi) => {
  await getService(strapi, 'clients').register({
    clientId: ADMIN_PANEL_CLIENT_ID,
    name: 'VixenHealth admin panel',
    redirectUris: [adminCallbackUrl(strapi)],
    grantTypes: ['authorization_code'],
    scope: 'openid email profile',
    firstParty: true,
  });
};
