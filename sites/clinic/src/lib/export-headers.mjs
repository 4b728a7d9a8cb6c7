// Shared by the server (src/lib/export-request.ts) and the exporter (server/), which renders a
// clinic's site through this server: plain JavaScript, so that Node loads it without a build.

/** Names the export a request belongs to: every page of one export sees the same CMS reads. */
export const EXPORT_ID_HEADER = 'x-vixenhealth-export';

/** Where the exported files will be published: the origin of absolute links. */
export const SITE_URL_HEADER = 'x-vixenhealth-site-url';
