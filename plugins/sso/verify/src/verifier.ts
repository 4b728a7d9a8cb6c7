import { errors } from 'jose';

import { readClaims } from './claims';
import { checkClaimsSet, decodeToken } from './claims-set';
import type { VerifiedAccessToken } from './claims';
import { AccessTokenError } from './errors';
import { fromJoseError } from './jose-error';
import { createKeySet } from './key-set';
import { resolveOptions } from './options';
import { createRevocationList } from './revocation-list';
import type { AccessTokenVerifierOptions } from './options';
import { assertScope, readRequiredScope } from './scope';
import { verifySignature } from './signature';

/** RFC 9068 claims every VixenHealth ID access token carries (`iss` and `aud` are checked too). */
const REQUIRED_CLAIMS = ['exp', 'iat', 'jti', 'sub', 'client_id'];

/** Options of one verification. */
export interface VerifyOptions {
  /** Scope this token must grant, on top of the verifier's `requiredScope`. */
  requiredScope?: string | readonly string[];
  /**
   * Accept tokens issued while staff act as the person (support's impersonation; `act` claim,
   * exposed as `actor`). Default false: they are refused with `ERR_VH_TOKEN_IMPERSONATED`. Allow
   * it only where seeing what the person sees is the point (their cabinet, their own data), never
   * on staff routes or where an account is secured (password, email, second factor).
   */
  allowImpersonation?: boolean;
}

/** Verifies VixenHealth ID access tokens; made by {@link createAccessTokenVerifier}. */
export interface AccessTokenVerifier {
  /**
   * Verifies a token: signature by one of VixenHealth ID's keys, `typ: at+jwt`, algorithm, issuer,
   * audience, lifetime, the shape of its claims and the required scope; with
   * `revocationListUri`, that ID has not revoked it.
   * @throws AccessTokenError when the token is refused (see its `code`).
   */
  verify(token: string, options?: VerifyOptions): Promise<VerifiedAccessToken>;
}

/**
 * Creates a verifier of VixenHealth ID access tokens (JWTs, RFC 9068), which checks them offline
 * against ID's published keys. Create one per process and reuse it: it caches the keys, and keeps
 * verifying tokens signed by known keys while ID is unreachable.
 *
 * @throws TypeError when an option is wrong.
 * @example
 * ```ts
 * import { bearerToken, createAccessTokenVerifier } from '@vixenhealth/sso/verify';
 *
 * const verifier = createAccessTokenVerifier({
 *   issuer: 'https://id.vixenhealth.example',
 *   audience: 'https://api.vixenhealth.example',
 * });
 *
 * const token = bearerToken(request.headers.get('authorization'));
 * if (token === null) return new Response(null, { status: 401 });
 * const accessToken = await verifier.verify(token, { requiredScope: 'api' });
 * accessToken.sub; // the user's stable identifier
 * ```
 */
export function createAccessTokenVerifier(
  options: AccessTokenVerifierOptions
): AccessTokenVerifier {
  const settings = resolveOptions(options);
  const keySet = settings.keySet ?? createKeySet(settings);
  const isRevoked =
    settings.isRevoked ??
    (settings.revocationListUri &&
      createRevocationList({
        uri: settings.revocationListUri,
        maxAge: settings.revocationListMaxAge,
        fetchTimeoutMs: settings.fetchTimeoutMs,
      }));

  return {
    async verify(token, verifyOptions = {}) {
      const requiredScope = [
        ...settings.requiredScope,
        ...readRequiredScope(verifyOptions.requiredScope, 'requiredScope'),
      ];
      if (typeof token !== 'string' || token === '') {
        throw new AccessTokenError('ERR_VH_TOKEN_INVALID', 'No access token was given.');
      }

      let decoded;
      try {
        decoded = decodeToken(token, settings.algorithms);
        const key = await keySet(decoded.header, decoded.jws);
        verifySignature(decoded.header.alg, key, decoded.jws);
        checkClaimsSet(decoded.payload, {
          issuer: settings.issuer,
          audience: settings.audience,
          requiredClaims: REQUIRED_CLAIMS,
          clockTolerance: settings.clockTolerance,
          now: settings.currentDate?.() ?? new Date(),
        });
      } catch (error) {
        throw error instanceof errors.JOSEError ? fromJoseError(error) : error;
      }

      if (isRevoked && (await isRevoked(decoded.payload))) {
        throw new AccessTokenError('ERR_VH_TOKEN_REVOKED', 'The access token has been revoked.');
      }
      const accessToken = readClaims(decoded.payload);
      if (accessToken.actor && verifyOptions.allowImpersonation !== true) {
        throw new AccessTokenError(
          'ERR_VH_TOKEN_IMPERSONATED',
          'This access token was issued to staff acting as the person; it is not accepted here.',
          { claim: 'act' }
        );
      }
      assertScope(accessToken.scope, requiredScope);
      return accessToken;
    },
  };
}
