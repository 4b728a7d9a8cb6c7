import { docsAuth } from '../../lib/sign-in';

export const prerender = false;

/** `/auth/sign-in?returnTo=/path`: off to VixenHealth ID, then back to that path of the docs. */
export const GET = docsAuth.routes.signIn;
