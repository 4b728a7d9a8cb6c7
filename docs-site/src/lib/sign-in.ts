import { createIdWeb, type AuthContext } from '@vixenhealth/id-web';

import type { Reader } from './reader';

/**
 * The docs' sign-in with VixenHealth ID (`@vixenhealth/id-web`): the public client `docs`, with
 * an access token to the CMS (`api`), whose claims say the reader's roles and clinics, and a
 * refresh token; the session in the `vh_docs_session` cookie, sealed under `DOCS_SESSION_SECRET`.
 */
export const docsAuth = createIdWeb({
  clientId: 'docs',
  scope: 'openid email profile offline_access api',
  appUrl: () => new URL(process.env.DOCS_URL || 'http://localhost:4323'),
  issuer: () => new URL(process.env.ID_ISSUER || 'http://localhost:1337/id'),
  sessionSecret: () => process.env.DOCS_SESSION_SECRET,
  sessionSecretName: 'DOCS_SESSION_SECRET',
  cookiePrefix: 'vh_docs',
});

export const { signInPath } = docsAuth;

/**
 * The reader of a page rendered on request: null when not signed in; their roles and clinics
 * from their verified access token (refreshed when it expired); or a redirect to sign in again
 * when ID no longer honours the session. Return that redirect.
 */
export const readerOf = async (
  context: AuthContext & { locals: App.Locals }
): Promise<Reader | null | Response> => {
  if (!context.locals.session) return null;
  const signedIn = await docsAuth.requireUser(context);
  if (signedIn instanceof Response) return signedIn;
  const claims = await docsAuth.accessTokenClaims(signedIn.accessToken);
  const reader: Reader = {
    accessToken: signedIn.accessToken,
    name: signedIn.user.name,
    roles: claims.roles,
    clinics: claims.clinics,
  };
  context.locals.reader = reader;
  return reader;
};
