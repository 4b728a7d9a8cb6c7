/**
 * Why an access token was refused. Stable: callers branch on it, logs and dashboards count it.
 *
 * - `ERR_VH_TOKEN_INVALID` (401): not a VixenHealth ID access token: malformed, wrong `typ` or
 *   algorithm, bad signature, signed by a key ID does not publish.
 * - `ERR_VH_TOKEN_EXPIRED` (401, the client refreshes): signed by ID, but `exp` has passed.
 * - `ERR_VH_TOKEN_CLAIM` (401): a claim is missing, malformed or not for us (`iss`, `aud`, `nbf`,
 *   `roles`...); `claim` names it.
 * - `ERR_VH_TOKEN_SCOPE` (403): valid, but lacks a required scope.
 * - `ERR_VH_TOKEN_REVOKED` (401): signed by ID and unexpired, but revoked since (only with the
 *   `revocationListUri` option).
 * - `ERR_VH_TOKEN_IMPERSONATED` (403): genuine, but issued while staff act as the person (`act`),
 *   and this verification did not allow that (`allowImpersonation`).
 * - `ERR_VH_KEYS_UNAVAILABLE` (503): ID cannot be reached, and the token's key is not among those
 *   already known.
 */
export type AccessTokenErrorCode =
  | 'ERR_VH_TOKEN_INVALID'
  | 'ERR_VH_TOKEN_EXPIRED'
  | 'ERR_VH_TOKEN_CLAIM'
  | 'ERR_VH_TOKEN_SCOPE'
  | 'ERR_VH_TOKEN_REVOKED'
  | 'ERR_VH_TOKEN_IMPERSONATED'
  | 'ERR_VH_KEYS_UNAVAILABLE';

/** Options of {@link AccessTokenError}. */
export interface AccessTokenErrorOptions {
  /** The error this one explains (a `jose` error, a network failure). */
  cause?: unknown;
  /** The claim at fault, for `ERR_VH_TOKEN_CLAIM`, `ERR_VH_TOKEN_SCOPE`, `ERR_VH_TOKEN_EXPIRED`. */
  claim?: string;
}

/**
 * The one error the verifier throws for a refused token. `message` may be shown to the user;
 * details for logs are in `code`, `claim` and `cause`.
 *
 * @example
 * ```ts
 * try {
 *   locals.accessToken = await verifier.verify(token);
 * } catch (error) {
 *   if (!(error instanceof AccessTokenError)) throw error;
 *   const status =
 *     error.code === 'ERR_VH_TOKEN_SCOPE' ? 403
 *     : error.code === 'ERR_VH_KEYS_UNAVAILABLE' ? 503
 *     : 401;
 *   return new Response(error.message, { status });
 * }
 * ```
 */
export class AccessTokenError extends Error {
  readonly code: AccessTokenErrorCode;
  /** The claim (or header parameter) at fault, when there is one. */
  readonly claim: string | undefined;

  constructor(code: AccessTokenErrorCode, message: string, options: AccessTokenErrorOptions = {}) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    this.name = new.target.name;
    this.code = code;
    this.claim = options.claim;
  }
}
