import type { APIContext } from 'astro';

import type { Session } from './session';

/**
 * What the app's `App.Locals` must declare (in its `src/env.d.ts`) for the middleware to fill:
 * `session: import('@vixenhealth/id-web').Session | null`.
 */
export interface SessionLocals {
  session: Session | null;
}

/** What pages and endpoints alike offer (`Astro` in a page, the context in an endpoint). */
export type AuthContext = Pick<APIContext, 'cookies' | 'url' | 'redirect'> & {
  locals: SessionLocals;
};
