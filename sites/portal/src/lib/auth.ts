import { createIdWeb } from '@vixenhealth/id-web';

import { portalConfig } from './config';

export type { AuthContext, Session, SessionUser, SignedIn } from '@vixenhealth/id-web';

/**
 * The portal's sign-in with VixenHealth ID (`@vixenhealth/id-web`): the public client `portal`,
 * asking for a refresh token and an access token to the CMS's API; the session in the
 * `vh_session` cookie, sealed under `PORTAL_SESSION_SECRET`.
 */
export const portalAuth = createIdWeb({
  clientId: 'portal',
  scope: 'openid email profile offline_access api',
  appUrl: () => portalConfig().portalUrl,
  issuer: () => portalConfig().issuer,
  sessionSecret: () => process.env.PORTAL_SESSION_SECRET,
  sessionSecretName: 'PORTAL_SESSION_SECRET',
  cookiePrefix: 'vh',
});

/**
 * The guard of pages that need a signed-in person, and the sign-in address.
 *
 * @example
 * ```astro
 * ---
 * const auth = await requireUser(Astro);
 * if (auth instanceof Response) return auth;
 * const { user, accessToken } = auth;
 * // the CMS answered 401 to that token: return signInAgain(Astro);
 * ---
 * <a href={signInPath(Astro.url.pathname)}>Войти</a>
 * ```
 */
export const { requireUser, signInAgain, signInPath } = portalAuth;
