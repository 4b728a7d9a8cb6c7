import type { UID } from '@strapi/strapi';

// The content types the desk reads and writes: its own, and those of the platform it links to.

export const AGENT = 'plugin::support.agent' satisfies UID.ContentType;
export const AUDIT_ENTRY = 'plugin::support.audit-entry' satisfies UID.ContentType;
export const BOARD = 'plugin::support.board' satisfies UID.ContentType;
export const GROUP = 'plugin::support.group' satisfies UID.ContentType;
export const MACRO = 'plugin::support.macro' satisfies UID.ContentType;
export const POLL_STATE = 'plugin::support.poll-state' satisfies UID.ContentType;
export const PROBLEM = 'plugin::support.problem' satisfies UID.ContentType;
export const SAVED_FILTER = 'plugin::support.saved-filter' satisfies UID.ContentType;
export const TICKET = 'plugin::support.ticket' satisfies UID.ContentType;
export const TICKET_MESSAGE = 'plugin::support.ticket-message' satisfies UID.ContentType;

export const ADMIN_USER = 'admin::user' satisfies UID.ContentType;
export const USER = 'plugin::users-permissions.user' satisfies UID.ContentType;
export const UPLOAD_FILE = 'plugin::upload.file' satisfies UID.ContentType;
