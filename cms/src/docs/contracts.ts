/**
 * What the docs API (`/api/docs/*`) answers, and the limits of a doc page. Plain types and
 * constants with no Strapi import: the docs site imports them through `@vixenhealth/cms/docs`.
 */

/** Who may read a doc page: everyone, any signed-in person, or the roles / clinic it names. */
export const DOC_AUDIENCES = ['public', 'signed-in', 'restricted'] as const;
export type DocAudience = (typeof DOC_AUDIENCES)[number];

/**
 * The roles a restricted page may name: the `roles` claim of VixenHealth ID's access tokens,
 * which is the person's users-permissions role type (`authenticated` is called `patient`), plus
 * `clinic-owner` / `clinic-administrator` for people who run a clinic. `staff` is the role of
 * VixenHealth's employees; `support-agent` and `support-lead` are the Support desk's people.
 */
export const DOC_READER_ROLES = [
  'patient',
  'clinic-owner',
  'clinic-administrator',
  'staff',
  'support-agent',
  'support-lead',
] as const;
export type DocReaderRole = (typeof DOC_READER_ROLES)[number];

/** A doc page's path under the docs: up to four lowercase, hyphenated segments. */
export const DOC_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*){0,3}$/;

export const DOC_LIMITS = {
  title: 120,
  slug: 120,
  section: 60,
  description: 300,
  body: 100_000,
  /** `GET /api/docs/search?q=`: the query's length, and how many pages it answers at most. */
  searchQuery: { min: 2, max: 100 },
  searchResults: 20,
} as const;

/**
 * The reader of a page, from a verified VixenHealth ID access token's claims; `null` is an
 * anonymous reader.
 */
export interface Reader {
  roles: string[];
  /** The clinics the person owns or administers (`id` is the clinic's documentId). */
  clinics: { id: string; role: string }[];
}

/** What decides who may read a page. */
export interface DocPageAccess {
  audience: DocAudience;
  /** For `restricted`: the roles that may read it (see `DOC_READER_ROLES`). */
  roles?: readonly string[] | null;
  /** For `restricted`: a clinic whose owners and administrators may read it. */
  clinicDocumentId?: string | null;
}

/** A page in the navigation: `GET /api/docs/pages`. */
export interface DocPageSummary {
  /** Its path under the docs, e.g. `clinics/booking-widget`. */
  slug: string;
  title: string;
  /** The navigation group it appears in, e.g. «Клиникам». */
  section: string;
  /** Its place within the section (ascending). */
  order: number;
  description: string | null;
  audience: DocAudience;
  /** When the published version last changed (ISO 8601). */
  updatedAt: string;
}

/** A file attached to a page. `url` is the CMS's (`/uploads/…`, relative to the CMS's origin). */
export interface DocAttachment {
  name: string;
  url: string;
  mime: string;
  /** Bytes. */
  size: number;
}

/** One page: `GET /api/docs/pages/<slug>`. */
export interface DocPage extends DocPageSummary {
  /** Markdown. */
  body: string;
  attachments: DocAttachment[];
}

/** One result of `GET /api/docs/search?q=`. */
export interface DocSearchHit {
  slug: string;
  title: string;
  section: string;
  /** Plain text around the first match (or the page's start), at most about 200 characters. */
  excerpt: string;
}

export interface DocPagesResponse {
  data: DocPageSummary[];
}
export interface DocPageResponse {
  data: DocPage;
}
export interface DocSearchResponse {
  data: DocSearchHit[];
}

/** What the CMS posts to `${DOCS_URL}/_docs/rebuild` after doc pages were published or removed. */
export interface DocsRebuildRequest {
  reason: 'doc-page';
  /** The slugs of the pages that changed, each once. */
  slugs: string[];
}
