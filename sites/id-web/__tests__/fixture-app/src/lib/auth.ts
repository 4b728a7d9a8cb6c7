import { createIdWeb } from '@vixenhealth/id-web';

/** The docs site's client at ID: no `api` scope, so no refresh token and an opaque access token. */
export const auth = createIdWeb({
  clientId: 'docs',
  scope: 'openid email profile',
  appUrl: () => new URL(process.env.DOCS_URL || 'http://localhost:4323'),
  issuer: () => new URL(process.env.ID_ISSUER || 'http://localhost:1337/id'),
  sessionSecret: () => process.env.DOCS_SESSION_SECRET,
  sessionSecretName: 'DOCS_SESSION_SECRET',
  cookiePrefix: 'vh_docs',
});
