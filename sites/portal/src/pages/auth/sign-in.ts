import type { APIRoute } from 'astro';

import { startSignIn } from '../../lib/id-client';
import { rememberSignIn } from '../../lib/pending-sign-in';
import { safeReturnTo } from '../../lib/return-to';

export const prerender = false;

/** `/auth/sign-in?returnTo=/path`: off to VixenHealth ID, then back to that path on the portal. */
export const GET: APIRoute = async ({ cookies, url, redirect }) => {
  const { url: authorizationUrl, pending } = await startSignIn(
    safeReturnTo(url.searchParams.get('returnTo'))
  );
  await rememberSignIn(cookies, pending);
  return redirect(authorizationUrl.href, 302);
};
