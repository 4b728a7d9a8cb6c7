import type { UID } from '@strapi/strapi';

// The content types the plugin reads and writes: its own, and the users-permissions user it
// signs in. One place, so a renamed content type is renamed once.

export const ADMIN_LINK = 'plugin::sso.admin-link' satisfies UID.ContentType;
export const CLIENT = 'plugin::sso.client' satisfies UID.ContentType;
export const CREDENTIAL = 'plugin::sso.credential' satisfies UID.ContentType;
export const DEPARTMENT = 'plugin::sso.department' satisfies UID.ContentType;
export const EMAIL_TOKEN = 'plugin::sso.email-token' satisfies UID.ContentType;
export const EXTERNAL_IDENTITY = 'plugin::sso.external-identity' satisfies UID.ContentType;
export const IMPERSONATION = 'plugin::sso.impersonation' satisfies UID.ContentType;
export const LOGIN_EVENT = 'plugin::sso.login-event' satisfies UID.ContentType;
export const MAIL_REQUEST = 'plugin::sso.mail-request' satisfies UID.ContentType;
export const OIDC_RECORD = 'plugin::sso.oidc-record' satisfies UID.ContentType;
export const PASSKEY = 'plugin::sso.passkey' satisfies UID.ContentType;
export const PASSKEY_CHALLENGE = 'plugin::sso.passkey-challenge' satisfies UID.ContentType;
export const POSITION = 'plugin::sso.position' satisfies UID.ContentType;
export const REMEMBERED_DEVICE = 'plugin::sso.remembered-device' satisfies UID.ContentType;
export const SECOND_FACTOR = 'plugin::sso.second-factor' satisfies UID.ContentType;
export const SIGNING_KEY = 'plugin::sso.signing-key' satisfies UID.ContentType;
export const STAFF_GROUP = 'plugin::sso.staff-group' satisfies UID.ContentType;
export const STAFF_MEMBER = 'plugin::sso.staff-member' satisfies UID.ContentType;
export const TOKEN_REVOCATION = 'plugin::sso.token-revocation' satisfies UID.ContentType;

export const USER = 'plugin::users-permissions.user' satisfies UID.ContentType;
export const USER_ROLE = 'plugin::users-permissions.role' satisfies UID.ContentType;
export const USER_PERMISSION = 'plugin::users-permissions.permission' satisfies UID.ContentType;

export const ADMIN_USER = 'admin::user' satisfies UID.ContentType;
export const ADMIN_ROLE = 'admin::role' satisfies UID.ContentType;
