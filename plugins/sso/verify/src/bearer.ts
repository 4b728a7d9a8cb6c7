/** `Bearer` credentials (RFC 6750 §2.1): the scheme in any case, spaces, then a `b64token`. */
const BEARER = /^bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * Extracts the token from an `Authorization: Bearer <token>` header value.
 *
 * @returns the token, or `null` when the header is absent, uses another scheme or is malformed.
 * @example
 * ```ts
 * bearerToken('Bearer eyJhbGciOiJFUzI1NiJ9.e30.c2ln'); // 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln'
 * bearerToken('bearer abc'); // 'abc'
 * bearerToken('Basic dXNlcjpwYXNz'); // null
 * bearerToken(undefined); // null
 * ```
 */
export function bearerToken(authorization: string | null | undefined): string | null {
  if (typeof authorization !== 'string') return null;
  return BEARER.exec(authorization.trim())?.[1] ?? null;
}
