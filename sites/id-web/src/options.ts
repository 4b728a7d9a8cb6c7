/** How an app signs people in with VixenHealth ID; given to `createIdWeb`. */
export interface IdWebOptions {
  /**
   * The app's public client at ID (no secret, PKCE), registered with the callback
   * `<appUrl>/auth/callback` and the post-sign-out address `<appUrl>/`: `'portal'`, `'docs'`.
   * Also keeps the app's cookie keys apart from other apps' (HKDF info `vixenhealth-<clientId> …`).
   */
  clientId: string;
  /**
   * What to ask ID for: `openid` at least; `offline_access` for a refresh token (without one,
   * the session ends when the access token expires); `api` for a JWT access token to the CMS,
   * whose claims `accessTokenClaims` reads.
   */
  scope: string;
  /** Where visitors reach the app, read on every use. */
  appUrl: () => URL;
  /** VixenHealth ID's issuer (`ID_ISSUER`), read on every use. */
  issuer: () => URL;
  /** The key of the app's cookies: 32+ random bytes, base64url, from the variable below. */
  sessionSecret: () => string | undefined;
  /** The environment variable `sessionSecret` reads, named when it is missing or too short. */
  sessionSecretName: string;
  /**
   * The cookies are `<cookiePrefix>_session` and `<cookiePrefix>_sign_in`. Browsers share
   * cookies between ports of one host (`localhost:4321` and `localhost:4323`), so each app on a
   * host needs a prefix of its own.
   */
  cookiePrefix: string;
  /** The audience of ID's API access tokens (`ID_API_AUDIENCE`). Default: that variable, or `https://api.vixenhealth.ru`. */
  apiAudience?: () => string;
}

const COOKIE_PREFIX = /^[A-Za-z0-9_-]+$/;

const text = (options: IdWebOptions, key: 'clientId' | 'scope' | 'sessionSecretName') => {
  const value = options[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`"${key}" must be a non-empty string`);
  }
};

const fn = (options: IdWebOptions, key: 'appUrl' | 'issuer' | 'sessionSecret' | 'apiAudience') => {
  if (typeof options[key] !== 'function') throw new TypeError(`"${key}" must be a function`);
};

/**
 * Checks `createIdWeb`'s options and applies the defaults.
 * @throws TypeError naming the first wrong option.
 */
export const resolveOptions = (options: IdWebOptions): Required<IdWebOptions> => {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('options must be an object');
  }
  text(options, 'clientId');
  text(options, 'scope');
  text(options, 'sessionSecretName');
  if (!options.scope.split(' ').includes('openid')) {
    throw new TypeError('"scope" must include "openid": the session is built from the ID token');
  }
  fn(options, 'appUrl');
  fn(options, 'issuer');
  fn(options, 'sessionSecret');
  if (typeof options.cookiePrefix !== 'string' || !COOKIE_PREFIX.test(options.cookiePrefix)) {
    throw new TypeError('"cookiePrefix" must be letters, digits, "_" or "-"');
  }
  const resolved = {
    ...options,
    apiAudience:
      options.apiAudience ?? (() => process.env.ID_API_AUDIENCE || 'https://api.vixenhealth.ru'),
  };
  fn(resolved, 'apiAudience');
  return resolved;
};
