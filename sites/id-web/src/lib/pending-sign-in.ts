import type { AstroCookies } from 'astro';

import type { Sealer } from './sealed';
import { cookieOptions } from './session';

/** What the app remembers between sending the browser to ID and its return. */
export interface PendingSignIn {
  verifier: string;
  state: string;
  /** A path on the app (see `safeReturnTo`). */
  returnTo: string;
}

/** Keeps a started sign-in until the browser comes back; made by {@link createPendingSignIns}. */
export interface PendingSignIns {
  /** Keeps the PKCE verifier, state and return path, encrypted, until the browser comes back. */
  remember(cookies: AstroCookies, pending: PendingSignIn): Promise<void>;
  /**
   * The sign-in this browser started, used once (the cookie goes); null when there is none or
   * it does not open (expired, or not ours).
   */
  take(cookies: AstroCookies): Promise<PendingSignIn | null>;
}

/** Time enough to sign in, or to sign up and confirm the email, at ID. */
const TTL_SECONDS = 30 * 60;

/** Pending sign-ins in the cookie `name`, sent to `callbackPath` only (only the callback reads it). */
export const createPendingSignIns = ({
  name,
  callbackPath,
  sealer,
  appUrl,
}: {
  name: string;
  callbackPath: string;
  sealer: Sealer;
  appUrl: () => URL;
}): PendingSignIns => ({
  async remember(cookies, pending) {
    cookies.set(
      name,
      await sealer.seal({ pending }, 'sign-in', TTL_SECONDS),
      cookieOptions(appUrl(), TTL_SECONDS, callbackPath)
    );
  },
  async take(cookies) {
    const value = cookies.get(name)?.value;
    if (!value) return null;
    cookies.delete(name, { path: callbackPath });
    try {
      const { pending } = (await sealer.unseal(value, 'sign-in')) as {
        pending?: Partial<PendingSignIn>;
      };
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
  },
});
