/** The start link works once, this long after staff asked for it: enough to open it, no more. */
export const START_LINK_SECONDS = 60;

/** A reason short enough to say nothing ("test") is refused, and one too long to read. */
export const REASON_MIN_LENGTH = 10;
export const REASON_MAX_LENGTH = 500;

/** Audit rows per page of `GET /sso/impersonations`. */
export const AUDIT_PAGE_SIZE = 25;
