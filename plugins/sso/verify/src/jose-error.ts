import { errors } from 'jose';

import { AccessTokenError } from './errors';

const CLAIM_MESSAGES: Record<string, string> = {
  iss: 'This access token was not issued by VixenHealth ID.',
  aud: 'This access token is not meant for this service.',
  nbf: 'This access token is not valid yet.',
};

/**
 * Translates an error of `jose`'s `jwtVerify` into an {@link AccessTokenError}, kept as `cause`.
 */
export function fromJoseError(error: errors.JOSEError): AccessTokenError {
  if (error instanceof errors.JWTExpired) {
    return new AccessTokenError('ERR_VH_TOKEN_EXPIRED', 'This access token has expired.', {
      cause: error,
      claim: error.claim,
    });
  }
  if (error instanceof errors.JWTClaimValidationFailed && error.claim !== 'typ') {
    const message =
      error.reason === 'missing'
        ? `This access token has no "${error.claim}" claim.`
        : (CLAIM_MESSAGES[error.claim] ??
          `This access token's "${error.claim}" claim is not valid.`);
    return new AccessTokenError('ERR_VH_TOKEN_CLAIM', message, {
      cause: error,
      claim: error.claim,
    });
  }
  // Malformed, wrong "typ" or algorithm, bad signature, key VixenHealth ID does not publish.
  return new AccessTokenError(
    'ERR_VH_TOKEN_INVALID',
    'This is not a valid VixenHealth ID access token.',
    {
      cause: error,
    }
  );
}
