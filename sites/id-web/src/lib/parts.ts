import type { IdClient } from './id-client';
import type { PendingSignIns } from './pending-sign-in';
import type { SessionCookie } from './session';

/** The pieces of one app's sign-in that the routes, the guard and the middleware share. */
export interface Parts {
  id: IdClient;
  sessions: SessionCookie;
  pendingSignIns: PendingSignIns;
  /** A path on the app to come back to (see `return-to.ts`), bound to the app's origin. */
  safeReturnTo(value: string | null | undefined): string;
  /** The app's sign-in address, coming back to `returnTo` afterwards. */
  signInPath(returnTo: string): string;
}
