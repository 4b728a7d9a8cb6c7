/**
 * Offline verification of VixenHealth ID access tokens, for every service of the platform.
 *
 * @packageDocumentation
 */
export { bearerToken } from './bearer';
export type { ClinicMembership, StaffDepartment, TokenActor, VerifiedAccessToken } from './claims';
export { AccessTokenError } from './errors';
export type { KeySet } from './key-set';
export type { RevocationCheck } from './revocation-list';
export type { AccessTokenErrorCode, AccessTokenErrorOptions } from './errors';
export { SUPPORTED_ALGORITHMS } from './options';
export type { AccessTokenAlgorithm, AccessTokenVerifierOptions } from './options';
export { createAccessTokenVerifier } from './verifier';
export type { AccessTokenVerifier, VerifyOptions } from './verifier';
