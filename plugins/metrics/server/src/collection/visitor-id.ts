import { createHash } from 'node:crypto';

/**
 * A visitor's id without cookies: sha256 of the day's secret salt, the site, the IP address and
 * the user agent, cut to 32 hex characters. The same browser gets another id the next day (the
 * salt changed and the old one is deleted) and on another site; the IP is not recoverable.
 */
export const visitorId = (salt: string, site: string, ip: string, userAgent: string): string =>
  createHash('sha256').update(`${salt}\n${site}\n${ip}\n${userAgent}`).digest('hex').slice(0, 32);
