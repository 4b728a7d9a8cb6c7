import type { APIRoute } from 'astro';

import { signOutAtId } from '../../lib/id-client';
import { clearSession } from '../../lib/session';

export const prerender = false;

/**
 * Signs out: of the portal at once, then of VixenHealth ID itself (ID asks to confirm and comes
 * back to the home page). A POST from the portal's own pages (Astro checks the Origin), so that
 * no other site can sign anyone out.
 */
export const POST: APIRoute = async ({ cookies, locals, redirect }) => {
  const session = locals.session;
  clearSession(cookies);
  locals.session = null;
  if (!session) return redirect('/', 303);
  const idSignOut = await signOutAtId(session).catch(() => null);
  return redirect(idSignOut?.href ?? '/', 303);
};
