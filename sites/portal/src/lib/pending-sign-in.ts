import type { AstroCookies } from 'astro';

import type { PendingSignIn } from './id-client';
import { seal, unseal } from './sealed';
import { cookieOptions } from './session';

const COOKIE = 'vh_sign_in';
/** Only the callback reads it. */
const PATH = '/auth/callback';
/** Time enough to sign in, or to sign up and confirm the email, at ID. */
const TTL_SECONDS = 30 * 60;

/** Keeps the PKCE verifier, state and return path, encrypted, until the browser comes back. */
export const rememberSignIn = async (cookies: AstroCookies, pending: PendingSignIn) => {
  cookies.set(
    COOKIE,
    await seal({ pending }, 'sign-in', TTL_SECONDS),
    cookieOptions(TTL_SECONDS, PATH)
  );
};

/**
 * The sign-in this browser started, used once (the cookie goes); null when there is none or it
 * does not open (expired, or not ours).
 */
export const takePendingSignIn = async (cookies: AstroCookies): Promise<PendingSignIn | null> => {
  const value = cookies.get(COOKIE)?.value;
  if (!value) return null;
  cookies.delete(COOKIE, { path: PATH });
  try {
    const { pending } = (await unseal(value, 'sign-in')) as { pending?: Partial<PendingSignIn> };
    if (
      typeof pending?.verifier === 'string' &&
      typeof pending.state === 'string' &&
      typeof pending.returnTo === 'string'
    ) {
      return { verifier: pending.verifier, state: pending.state, returnTo: pending.returnTo };
    }
  } catch {
    // Expired or forged: start again.
  }
  return null;
};
