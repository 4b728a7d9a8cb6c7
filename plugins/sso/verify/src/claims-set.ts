import { decodeJwt, decodeProtectedHeader, errors } from 'jose';
import type { FlattenedJWSInput, JWTPayload, ProtectedHeaderParameters } from 'jose';

import type { AccessTokenAlgorithm } from './options';

/** A compact JWS split into its parts, its header and claims decoded but not yet trusted. */
export interface DecodedToken {
  header: ProtectedHeaderParameters & { alg: AccessTokenAlgorithm };
  payload: JWTPayload;
  /** The encoded parts, as key sets and the signature check take them. */
  jws: FlattenedJWSInput & { protected: string };
}

/** What {@link checkClaimsSet} requires of a token. */
export interface ClaimsSetRules {
  issuer: string;
  audience: readonly string[];
  requiredClaims: readonly string[];
  clockTolerance: number;
  now: Date;
}

/**
 * Splits and decodes a compact JWT (with `jose`'s decoders), and checks the header: an allowed
 * algorithm, `typ: at+jwt` (RFC 9068), no extension it would have to understand (`crit`).
 * @throws errors.JOSEError naming what is wrong, as `jose`'s `jwtVerify` does.
 */
export function decodeToken(
  token: string,
  algorithms: readonly AccessTokenAlgorithm[]
): DecodedToken {
  const parts = token.split('.');
  if (parts.length !== 3) throw new errors.JWSInvalid('Invalid Compact JWS');
  const [protectedHeader, claims, signature] = parts as [string, string, string];

  const header = decodeProtectedHeader(token);
  if (!algorithms.includes(header.alg as AccessTokenAlgorithm)) {
    throw new errors.JOSEAlgNotAllowed('"alg" (Algorithm) Header Parameter value not allowed');
  }
  if (header.crit !== undefined || header.b64 !== undefined) {
    throw new errors.JWSInvalid('Extension Header Parameters are not supported');
  }
  const payload = decodeJwt(token);
  if (typeof header.typ !== 'string' || normalizeTyp(header.typ) !== 'application/at+jwt') {
    throw new errors.JWTClaimValidationFailed(
      'unexpected "typ" JWT header value',
      payload,
      'typ',
      'check_failed'
    );
  }
  return {
    header: header as DecodedToken['header'],
    payload,
    jws: { protected: protectedHeader, payload: claims, signature },
  };
}

/**
 * Checks the registered claims of a token whose signature has been verified (RFC 7519 section 4.1),
 * with the semantics of `jose`'s `jwtVerify`: presence of the required claims, issuer, audience,
 * and `nbf`/`exp` against the clock with its tolerance.
 * @throws errors.JWTClaimValidationFailed or errors.JWTExpired naming the claim.
 */
export function checkClaimsSet(payload: JWTPayload, rules: ClaimsSetRules): void {
  for (const claim of ['iss', 'aud', ...rules.requiredClaims]) {
    if (!Object.hasOwn(payload, claim)) {
      throw new errors.JWTClaimValidationFailed(
        `missing required "${claim}" claim`,
        payload,
        claim,
        'missing'
      );
    }
  }
  if (payload.iss !== rules.issuer) throw unexpected(payload, 'iss');
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!rules.audience.some((audience) => audiences.includes(audience))) {
    throw unexpected(payload, 'aud');
  }

  const now = Math.floor(rules.now.getTime() / 1000);
  const nbf = numericDate(payload, 'nbf');
  if (nbf !== undefined && nbf > now + rules.clockTolerance) {
    throw new errors.JWTClaimValidationFailed(
      '"nbf" claim timestamp check failed',
      payload,
      'nbf',
      'check_failed'
    );
  }
  numericDate(payload, 'iat');
  const exp = numericDate(payload, 'exp');
  if (exp !== undefined && exp <= now - rules.clockTolerance) {
    throw new errors.JWTExpired(
      '"exp" claim timestamp check failed',
      payload,
      'exp',
      'check_failed'
    );
  }
}

const normalizeTyp = (typ: string): string =>
  typ.includes('/') ? typ.toLowerCase() : `application/${typ.toLowerCase()}`;

const unexpected = (payload: JWTPayload, claim: string) =>
  new errors.JWTClaimValidationFailed(
    `unexpected "${claim}" claim value`,
    payload,
    claim,
    'check_failed'
  );

function numericDate(payload: JWTPayload, claim: 'iat' | 'nbf' | 'exp'): number | undefined {
  const value = payload[claim];
  if (value === undefined) return undefined;
  if (typeof value !== 'number') {
    throw new errors.JWTClaimValidationFailed(
      `"${claim}" claim must be a number`,
      payload,
      claim,
      'invalid'
    );
  }
  return value;
}
