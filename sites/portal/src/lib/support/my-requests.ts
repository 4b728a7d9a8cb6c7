import { CmsApiError } from '@vixenhealth/api-client';
import type { RequesterTicket } from '@vixenhealth/support/contracts';

import { requireUser, signInAgain, type AuthContext } from '../auth';
import { supportApi } from './api';

/**
 * "Мои обращения": the signed-in person's own requests, newest first (a visitor is sent to
 * sign in and back).
 *
 * @example
 * ```astro
 * ---
 * const requests = await myRequests(Astro);
 * if (requests instanceof Response) return requests;
 * ---
 * ```
 */
export const myRequests = async (context: AuthContext): Promise<RequesterTicket[] | Response> => {
  const auth = await requireUser(context);
  if (auth instanceof Response) return auth;
  try {
    const requests = await supportApi(auth.accessToken).list();
    return requests.toSorted((a, b) => b.createdAt.localeCompare(a.createdAt));
  } catch (error) {
    if (error instanceof CmsApiError && error.status === 401) return signInAgain(context);
    throw error;
  }
};
