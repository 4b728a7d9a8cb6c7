/**
 * Signing people in with VixenHealth ID in an Astro app, the same way in every app of the
 * platform (see README.md).
 *
 * @packageDocumentation
 */
export { createIdWeb } from './create-id-web';
export type { IdWeb } from './create-id-web';
export type { IdWebOptions } from './options';
export type { AuthContext, SessionLocals } from './lib/context';
export type { Session, SessionActor, SessionUser } from './lib/session';
export type { SignedIn } from './lib/require-user';
export type { SignInFailure, SignInProblem } from './lib/routes';
export type { AccessTokenClaims } from './lib/access-token-claims';
export type { Sealer, SealPurpose } from './lib/sealed';
export { safeReturnTo } from './lib/return-to';
export { SIGN_IN_PROBLEM_MESSAGES } from './lib/problem-messages';
export { AccessTokenError } from '@vixenhealth/sso/verify';
export type { ClinicMembership } from '@vixenhealth/sso/verify';
