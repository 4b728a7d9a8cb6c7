// VixenHealth ID (plugins/sso), as the demo data sets it up: what the ID cases and scenarios share.

/** The platform APIs: the `aud` of access tokens with the `api` scope. */
export const API_AUDIENCE = 'https://api.vixenhealth.ru';

/** The demo data's confidential client, for service-to-service calls (client credentials). */
export const DEMO_SERVICE = 'demo-service';

/** The demo users; they sign in with the run's `DEMO_USER_PASSWORD`. */
export const DEMO_USERS = ['patient@demo.vixenhealth.local', 'owner@demo.vixenhealth.local'];

/**
 * A client-credentials grant for the demo service: repeatable, each answer is a fresh token.
 * @param {string} secret the demo service's, `ID_DEMO_CLIENT_SECRET`
 * @returns {{ method: string, headers: Record<string, string>, body: string }}
 */
export const clientCredentialsRequest = (secret) => {
  // client_secret_basic: both are form-encoded before base64 (RFC 6749, 2.3.1).
  const credentials = `${encodeURIComponent(DEMO_SERVICE)}:${encodeURIComponent(secret)}`;
  return {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(credentials).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'api' }).toString(),
  };
};

/**
 * The access token of a token endpoint's answer; throws, saying why, unless it is a 200 with an
 * ES256-signed JWT access token (RFC 9068), the kind every API of the platform verifies.
 * @param {Response} response
 * @returns {Promise<string>}
 */
export const readAccessToken = async (response) => {
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`token endpoint: expected 200, got ${response.status}: ${text.slice(0, 200)}`);
  }
  const token = JSON.parse(text).access_token;
  const [header, payload, signature] = typeof token === 'string' ? token.split('.') : [];
  const { alg, typ } = header ? JSON.parse(Buffer.from(header, 'base64url').toString()) : {};
  if (!payload || !signature || alg !== 'ES256' || typ !== 'at+jwt') {
    throw new Error(
      `token endpoint: expected an ES256 at+jwt access token, got ${text.slice(0, 200)}`
    );
  }
  return token;
};
