import { timingSafeEqual } from 'node:crypto';

/**
 * True when a request carries the token the CMS and the exporter share with this server
 * (`Authorization: Bearer <SITES_WEBHOOK_TOKEN>`); without one configured, nobody is internal.
 */
export const isInternalCaller = (request: Request): boolean => {
  const expected = Buffer.from(process.env.SITES_WEBHOOK_TOKEN ?? '');
  const given = Buffer.from((request.headers.get('authorization') ?? '').replace(/^Bearer /, ''));
  // Compared as bytes: timingSafeEqual throws on buffers of different lengths.
  return (
    expected.length > 0 && given.length === expected.length && timingSafeEqual(given, expected)
  );
};
