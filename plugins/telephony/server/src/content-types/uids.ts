import type { UID } from '@strapi/strapi';

// The content types telephony reads and writes: its own, and those of the platform it links to.

export const CALL = 'plugin::telephony.call' satisfies UID.ContentType;
export const INTEGRATION = 'plugin::telephony.integration' satisfies UID.ContentType;
export const SIP_ACCOUNT = 'plugin::telephony.sip-account' satisfies UID.ContentType;

export const ADMIN_USER = 'admin::user' satisfies UID.ContentType;
export const USER = 'plugin::users-permissions.user' satisfies UID.ContentType;
