import type { UID } from '@strapi/strapi';

// The content types the CMS's own code reads and writes. Each is checked against the types Strapi
// generates from the schemas (cms/types/generated), so a renamed or removed one fails typecheck,
// and `strapi.documents(uid)` / `strapi.db.query(uid)` know its fields.

export const CLINIC = 'api::clinic.clinic' satisfies UID.ContentType;
export const DOCTOR = 'api::doctor.doctor' satisfies UID.ContentType;
export const SERVICE = 'api::service.service' satisfies UID.ContentType;
export const PAGE = 'api::page.page' satisfies UID.ContentType;
export const SPECIALTY = 'api::specialty.specialty' satisfies UID.ContentType;
export const INVITATION = 'api::cabinet.clinic-invitation' satisfies UID.ContentType;
export const SITE_DEPLOY = 'api::site-deploy.site-deploy' satisfies UID.ContentType;
export const DOC_PAGE = 'api::doc-page.doc-page' satisfies UID.ContentType;

export const REVIEW = 'api::review.review' satisfies UID.ContentType;
export const REPLY = 'api::review.review-reply' satisfies UID.ContentType;
export const REPORT = 'api::review.review-report' satisfies UID.ContentType;
export const MODERATION_EVENT = 'api::review.moderation-event' satisfies UID.ContentType;
export const RATING_SUMMARY = 'api::review.rating-summary' satisfies UID.ContentType;

export const USER = 'plugin::users-permissions.user' satisfies UID.ContentType;
export const USER_ROLE = 'plugin::users-permissions.role' satisfies UID.ContentType;
export const USER_PERMISSION = 'plugin::users-permissions.permission' satisfies UID.ContentType;
export const UPLOAD_FILE = 'plugin::upload.file' satisfies UID.ContentType;
export const ADMIN_ROLE = 'admin::role' satisfies UID.ContentType;
