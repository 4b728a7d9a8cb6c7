import type { APIRoute } from 'astro';

import { purgeClinicCache } from '../../lib/clinics';
import { isInternalCaller } from '../../lib/internal-caller';

/**
 * The CMS's webhook: something published changed, so cached lookups go. Only with the token
 * both share (`SITES_WEBHOOK_TOKEN`); without one configured, nobody may call it.
 */
export const POST: APIRoute = async ({ request }) => {
  if (!isInternalCaller(request)) return new Response(null, { status: 401 });
  purgeClinicCache();
  return new Response(null, { status: 204 });
};
