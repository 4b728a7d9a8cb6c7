import type { KeySet } from './key-set';
import type { RevocationCheck } from './revocation-list';
import { readRequiredScope } from './scope';

/** Signature algorithms a verifier may accept: asymmetric ones only (never `none`, never HS*). */
export const SUPPORTED_ALGORITHMS = [
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'EdDSA',
  'Ed25519',
] as const;

/** One of {@link SUPPORTED_ALGORITHMS}. */
export type AccessTokenAlgorithm = (typeof SUPPORTED_ALGORITHMS)[number];

/** Options of `createAccessTokenVerifier`. */
export interface AccessTokenVerifierOptions {
  /** VixenHealth ID's issuer identifier, exactly as in the tokens' `iss` claim. */
  issuer: string;
  /** This service's identifier(s); a token must name one of them in `aud`. */
  audience: string | readonly string[];
  /** Accepted signature algorithms. Default `['ES256', 'RS256']`. */
  algorithms?: readonly AccessTokenAlgorithm[];
  /** Where VixenHealth ID publishes its keys. Default `${issuer}/jwks`. */
  jwksUri?: string | URL;
  /** Leeway for `exp` and `nbf`, in seconds. Default 5. */
  clockTolerance?: number;
  /** Scope every token must grant: a space-separated string or a list. Default none. */
  requiredScope?: string | readonly string[];
  /** The clock `exp` and `nbf` are checked against. Default the system clock. For tests. */
  currentDate?: () => Date;
  /** How long a request for the keys may take, in milliseconds. Default 5000. */
  fetchTimeoutMs?: number;
  /** How long fetched keys are used before being fetched again, in milliseconds. Default 10 min. */
  cacheMaxAge?: number;
  /**
   * Where VixenHealth ID publishes the tokens revoked before they expire (`${issuer}/revocations`).
   * Given, tokens it lists are refused (`ERR_VH_TOKEN_REVOKED`). Default none: revoked tokens are
   * accepted until they expire.
   */
  revocationListUri?: string | URL;
  /** How long a read revocation list is used before being read again, in ms. Default 5000. */
  revocationListMaxAge?: number;
  /**
   * The keys, instead of fetching them from `jwksUri`: a key set made with `jose`'s
   * `createLocalJWKSet` (or any function of its shape), for a service that holds VixenHealth ID's
   * public keys itself, as the CMS that runs ID does.
   */
  keySet?: KeySet;
  /**
   * Whether ID revoked a verified token (its `jti` or `gid`), instead of reading
   * `revocationListUri`: for a service that holds the list itself, as the CMS that runs ID does.
   */
  isRevoked?: RevocationCheck;
}

/** The options with their defaults applied and checked. */
export interface ResolvedOptions {
  issuer: string;
  audience: string[];
  algorithms: AccessTokenAlgorithm[];
  jwksUri: URL;
  clockTolerance: number;
  requiredScope: string[];
  currentDate: (() => Date) | undefined;
  fetchTimeoutMs: number;
  cacheMaxAge: number;
  revocationListUri: URL | undefined;
  revocationListMaxAge: number;
  keySet: KeySet | undefined;
  isRevoked: RevocationCheck | undefined;
}

const KNOWN_OPTIONS = new Set<string>([
  'issuer',
  'audience',
  'algorithms',
  'jwksUri',
  'clockTolerance',
  'requiredScope',
  'currentDate',
  'fetchTimeoutMs',
  'cacheMaxAge',
  'revocationListUri',
  'revocationListMaxAge',
  'keySet',
  'isRevoked',
]);

/**
 * Checks the verifier's options and applies the defaults.
 * @throws TypeError naming the first wrong option. Unknown options are refused too, so that a typo
 * (`requiredScopes`) cannot silently turn a check off.
 */
export function resolveOptions(options: AccessTokenVerifierOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('options must be an object');
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) throw new TypeError(`unknown option "${key}"`);
  }
  const issuer = readIssuer(options.issuer);
  return {
    issuer,
    audience: readAudience(options.audience),
    algorithms: readAlgorithms(options.algorithms),
    jwksUri: readHttpUrl(options.jwksUri ?? `${issuer.replace(/\/$/, '')}/jwks`, 'jwksUri'),
    clockTolerance: readDuration(options.clockTolerance, 5, 'clockTolerance', false),
    requiredScope: readRequiredScope(options.requiredScope, 'requiredScope'),
    currentDate: readClock(options.currentDate),
    fetchTimeoutMs: readTimeout(options.fetchTimeoutMs),
    cacheMaxAge: readDuration(options.cacheMaxAge, 10 * 60 * 1000, 'cacheMaxAge', true),
    revocationListUri:
      options.revocationListUri === undefined
        ? undefined
        : readHttpUrl(options.revocationListUri, 'revocationListUri'),
    revocationListMaxAge: readDuration(
      options.revocationListMaxAge,
      5000,
      'revocationListMaxAge',
      false
    ),
    keySet: readSource<KeySet>(options, 'keySet', 'jwksUri'),
    isRevoked: readSource<RevocationCheck>(options, 'isRevoked', 'revocationListUri'),
  };
}

/** A function given instead of the URI it replaces; both at once would leave one unused. */
function readSource<Source>(
  options: AccessTokenVerifierOptions,
  option: 'keySet' | 'isRevoked',
  replaced: 'jwksUri' | 'revocationListUri'
): Source | undefined {
  const value = options[option];
  if (value === undefined) return undefined;
  if (typeof value !== 'function') throw new TypeError(`"${option}" must be a function`);
  if (options[replaced] !== undefined) {
    throw new TypeError(`give "${option}" or "${replaced}", not both`);
  }
  return value as Source;
}

function readIssuer(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError('"issuer" must be a URL string');
  readHttpUrl(value, 'issuer');
  return value;
}

function readHttpUrl(value: unknown, option: string): URL {
  const url =
    value instanceof URL
      ? new URL(value.href)
      : typeof value === 'string' && URL.canParse(value)
        ? new URL(value)
        : undefined;
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
    throw new TypeError(`"${option}" must be an http(s) URL`);
  }
  return url;
}

function readAudience(value: unknown): string[] {
  const audience = typeof value === 'string' ? [value] : value;
  if (
    !Array.isArray(audience) ||
    audience.length === 0 ||
    !audience.every((entry) => typeof entry === 'string' && entry !== '')
  ) {
    throw new TypeError('"audience" must be a non-empty string or a non-empty array of them');
  }
  return [...audience];
}

function readAlgorithms(value: unknown): AccessTokenAlgorithm[] {
  if (value === undefined) return ['ES256', 'RS256'];
  if (!Array.isArray(value) || value.length === 0) {
    throw new TypeError('"algorithms" must be a non-empty array');
  }
  for (const algorithm of value) {
    if (!(SUPPORTED_ALGORITHMS as readonly unknown[]).includes(algorithm)) {
      throw new TypeError(
        `"algorithms" must list only ${SUPPORTED_ALGORITHMS.join(', ')}; got ${JSON.stringify(algorithm)}`
      );
    }
  }
  return [...value];
}

function readDuration(
  value: unknown,
  fallback: number,
  option: string,
  infinityAllowed: boolean
): number {
  if (value === undefined) return fallback;
  if (
    typeof value !== 'number' ||
    Number.isNaN(value) ||
    value < 0 ||
    (value === Infinity && !infinityAllowed)
  ) {
    throw new TypeError(
      `"${option}" must be a non-negative ${infinityAllowed ? '' : 'finite '}number`
    );
  }
  return value;
}

function readTimeout(value: unknown): number {
  if (value === undefined) return 5000;
  if (!Number.isInteger(value) || (value as number) <= 0) {
    throw new TypeError('"fetchTimeoutMs" must be a positive integer');
  }
  return value as number;
}

function readClock(value: unknown): (() => Date) | undefined {
  if (value !== undefined && typeof value !== 'function') {
    throw new TypeError('"currentDate" must be a function returning a Date');
  }
  return value as (() => Date) | undefined;
}
