import path from 'node:path';

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

/**
 * The cookie helpers Strapi's own SSO login (EE `redirectWithAuth`) uses. Not exported by
 * @strapi/admin, so read from its file: the admin panel reads these very cookie names, paths and
 * domains, and a copy that drifted would leave cookies the panel cannot see or clear on logout.
 * @strapi/* is pinned to one exact version, and admin-sign-in.test.ts proves the session works.
 */
interface SessionAuth {
  REFRESH_COOKIE_NAME: string;
  generateDeviceId(): string;
  buildSessionMetadataFromContext(ctx: Context): Record<string, unknown>;
  buildCookieOptionsWithExpiry(type: 'refresh', absoluteExpiresAt?: string): object;
  getAccessCookieName(): string;
  getAccessCookieDomain(): string | undefined;
  getAccessCookiePath(): string;
}

const sessionAuth = (): SessionAuth =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(
    path.join(
      path.dirname(require.resolve('@strapi/admin/package.json')),
      'dist/server/shared/utils/session-auth.js'
    )
  ) as SessionAuth;

/**
 * Starts a normal admin panel session for `adminUserId`, exactly as Strapi's provider login
 * does: a refresh token in the httpOnly `strapi_admin_refresh` cookie and an access token in
 * the cookie the panel reads at start. Logout and session lists then work as for anyone.
 */
export const startAdminSession = async (strapi: Core.Strapi, ctx: Context, adminUserId: number) => {
  const auth = sessionAuth();
  const sessions = strapi.sessionManager('admin');
  const { token: refreshToken, absoluteExpiresAt } = await sessions.generateRefreshToken(
    String(adminUserId),
    auth.generateDeviceId(),
    { type: 'refresh', metadata: auth.buildSessionMetadataFromContext(ctx) }
  );
  ctx.cookies.set(
    auth.REFRESH_COOKIE_NAME,
    refreshToken,
    auth.buildCookieOptionsWithExpiry('refresh', absoluteExpiresAt)
  );
  const access = await sessions.generateAccessToken(refreshToken);
  if ('error' in access) throw new Error(`Admin access token refused: ${String(access.error)}`);
  const configuredSecure = strapi.config.get('admin.auth.cookie.secure');
  ctx.cookies.set(auth.getAccessCookieName(), access.token, {
    // The panel reads it from script at start, then keeps it in memory (as Strapi does).
    httpOnly: false,
    secure:
      typeof configuredSecure === 'boolean'
        ? configuredSecure
        : process.env.NODE_ENV === 'production',
    overwrite: true,
    domain: auth.getAccessCookieDomain(),
    path: auth.getAccessCookiePath(),
  });
};

/** Ends every admin panel session of `adminUserId`: its refresh and access tokens stop working. */
export const endAdminSessions = async (strapi: Core.Strapi, adminUserId: number) => {
  // Without a device id, Strapi deletes all of the user's admin sessions.
  await strapi.sessionManager('admin').invalidateRefreshToken(String(adminUserId));
};
