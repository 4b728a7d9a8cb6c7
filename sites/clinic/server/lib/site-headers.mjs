/**
 * What every answer of a clinic site carries, served or static: no framing by other sites
 * (clickjacking), no MIME sniffing, only the origin in the Referer to other sites, and a
 * Content-Security-Policy limited to what cannot break a clinic's content: frames, `<base>` and
 * plugins.
 */
export const SITE_HEADERS = {
  'content-security-policy': "frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-content-type-options': 'nosniff',
};

/**
 * `handler` with {@link SITE_HEADERS} set on every response before it writes its own.
 * @param {import('node:http').RequestListener} handler
 * @returns {import('node:http').RequestListener}
 */
export const withSiteHeaders = (handler) => (request, response) => {
  for (const [name, value] of Object.entries(SITE_HEADERS)) response.setHeader(name, value);
  return handler(request, response);
};
