import { AccessTokenError } from './errors';

/** Splits a space-separated `scope` value (RFC 6749 §3.3) into its scope tokens. */
export function splitScope(scope: string): string[] {
  return scope.split(' ').filter((token) => token !== '');
}

/**
 * Reads a `requiredScope` option: a space-separated string or a list of scope tokens.
 * @throws TypeError when it is neither.
 */
export function readRequiredScope(value: unknown, option: string): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return splitScope(value);
  if (
    Array.isArray(value) &&
    value.every((token) => typeof token === 'string' && /^\S+$/.test(token))
  ) {
    return [...value];
  }
  throw new TypeError(`"${option}" must be a scope string or an array of scope tokens`);
}

/**
 * Checks that every required scope was granted.
 * @throws AccessTokenError `ERR_VH_TOKEN_SCOPE`, naming the missing scopes.
 */
export function assertScope(granted: readonly string[], required: readonly string[]): void {
  const missing = required.filter((token) => !granted.includes(token));
  if (missing.length > 0) {
    throw new AccessTokenError(
      'ERR_VH_TOKEN_SCOPE',
      `This access token does not grant the scope ${missing.map((token) => `"${token}"`).join(', ')}.`,
      { claim: 'scope' }
    );
  }
}
