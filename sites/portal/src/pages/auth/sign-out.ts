import { portalAuth } from '../../lib/auth';

export const prerender = false;

/**
 * Signs out: of the portal at once, then of VixenHealth ID itself (ID asks to confirm and comes
 * back to the home page). A POST from the portal's own pages (Astro checks the Origin), so that
 * no other site can sign anyone out.
 */
export const POST = portalAuth.routes.signOut;
