import { portalAuth } from '../../lib/auth';

export const prerender = false;

/** `/auth/sign-in?returnTo=/path`: off to VixenHealth ID, then back to that path on the portal. */
export const GET = portalAuth.routes.signIn;
