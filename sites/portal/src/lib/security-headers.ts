import { mediaUrl } from '@vixenhealth/api-client/media';
import { metricsOrigin } from '@vixenhealth/api-client/metrics';

import { portalConfig } from './config';

/**
 * The Content-Security-Policy of every page: the portal's scripts are the visits chart (a file of
 * its own: scripts are never inlined, astro.config.mjs) and the visits tracker, loaded from and
 * sending to the metrics collector's origin; its styles are files of its own
 * (`build.inlineStylesheets: 'never'`), images come from the CMS's public
 * address (or a CDN's https), and forms post to the portal alone, which may send them on to
 * VixenHealth ID (sign-out).
 */
const contentSecurityPolicy = () => {
  const { issuer } = portalConfig();
  const media = new URL(mediaUrl('/')).origin;
  const metrics = metricsOrigin() ?? '';
  return [
    "default-src 'self'",
    `script-src 'self' ${metrics}`.trim(),
    `connect-src 'self' ${metrics}`.trim(),
    "style-src 'self'",
    `img-src 'self' data: https: ${media}`,
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self' ${issuer.origin}`,
    "frame-ancestors 'none'",
  ].join('; ');
};

/**
 * The headers every answer of the portal carries: no framing (clickjacking), no MIME sniffing,
 * only the origin in the Referer to other sites, the CSP; HSTS when the portal is served over
 * https; and, for what was rendered for a signed-in person, `Cache-Control: no-store`, so
 * that neither a shared cache nor the browser's history keeps their pages.
 *
 * @example
 * ```ts
 * return withSecurityHeaders(await next(), { personal: locals.session !== null });
 * ```
 */
export const withSecurityHeaders = (
  response: Response,
  { personal }: { personal: boolean }
): Response => {
  const headers: Record<string, string> = {
    'content-security-policy': contentSecurityPolicy(),
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-content-type-options': 'nosniff',
  };
  if (portalConfig().portalUrl.protocol === 'https:') {
    headers['strict-transport-security'] = 'max-age=31536000';
  }
  if (personal) headers['cache-control'] = 'no-store';
  // In place: Astro keeps the response's cookies on the object itself, a copy would lose them.
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
};
