import { timingSafeEqual } from 'node:crypto';

import type { APIRoute } from 'astro';

import { purgeClinicCache } from '../../lib/clinics';

const matches = (given: string, expected: string) =>
  given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

/**
 * The CMS's webhook: something published changed, so cached lookups go. Only with the token
 * both share (`SITES_WEBHOOK_TOKEN`); without one configured, nobody may call it.
 */
export const POST: APIRoute = async ({ request }) => {
  const expected = process.env.SITES_WEBHOOK_TOKEN;
  const given = (request.headers.get('authorization') ?? '').replace(/^Bearer /, '');
  if (!expected || !matches(given, expected)) return new Response(null, { status: 401 });
  purgeClinicCache();
  return new Response(null, { status: 204 });
};
