import type { Core } from '@strapi/strapi';

import { getConfig } from '../utils';

/** The admin panel signs staff in as this first-party client of ID. */
export const ADMIN_PANEL_CLIENT_ID = 'admin-panel';

/** Where the admin login page's "Sign in with VixenHealth ID" link starts the sign-in. */
export const START_PATH = '/admin/auth/vixenhealth-id';
/** Where ID sends the browser back; also the path of the pending sign-in's cookie. */
export const CALLBACK_PATH = `${START_PATH}/callback`;
/** The admin panel's own login page, where a refused person can try again. */
export const ADMIN_LOGIN_PATH = '/admin/auth/login';

/**
 * The CMS's public address: `PUBLIC_URL` (server.url) when set, else the issuer's origin (ID is
 * served by this same CMS, so its origin is the CMS's).
 */
export const cmsUrl = (strapi: Core.Strapi) => {
  const configured = String(strapi.config.get('server.url', '') ?? '');
  return (
    /^https?:\/\//.test(configured) ? configured : new URL(getConfig(strapi).issuer).origin
  ).replace(/\/$/, '');
};

export const adminCallbackUrl = (strapi: Core.Strapi) => `${cmsUrl(strapi)}${CALLBACK_PATH}`;
