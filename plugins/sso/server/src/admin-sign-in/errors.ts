/**
 * Why a staff sign-in to the admin panel was refused. The code is logged (never the tokens or
 * who it was); the person sees the page for `reason`.
 */
export type AdminSignInRefusal =
  /** The round trip through ID failed or was tampered with: start again. */
  | 'failed'
  /** The person cancelled at ID. */
  | 'cancelled'
  /** Not active staff, blocked, or no group of theirs gives an admin role. */
  | 'not-staff'
  /** Staff, but signed in without a second factor while one is required. */
  | 'second-factor';

export type AdminSignInErrorCode =
  | 'ERR_ADMIN_SIGN_IN_EXPIRED'
  | 'ERR_ADMIN_SIGN_IN_ISSUER'
  | 'ERR_ADMIN_SIGN_IN_CANCELLED'
  | 'ERR_ADMIN_SIGN_IN_CODE'
  | 'ERR_ADMIN_SIGN_IN_NO_ACCOUNT'
  | 'ERR_ADMIN_SIGN_IN_BLOCKED'
  | 'ERR_ADMIN_SIGN_IN_NOT_STAFF'
  | 'ERR_ADMIN_SIGN_IN_NO_ADMIN_ROLE'
  | 'ERR_ADMIN_SIGN_IN_NO_SECOND_FACTOR'
  | 'ERR_ADMIN_SIGN_IN_NO_EMAIL';

const REFUSAL_OF: Record<AdminSignInErrorCode, AdminSignInRefusal> = {
  ERR_ADMIN_SIGN_IN_EXPIRED: 'failed',
  ERR_ADMIN_SIGN_IN_ISSUER: 'failed',
  ERR_ADMIN_SIGN_IN_CANCELLED: 'cancelled',
  ERR_ADMIN_SIGN_IN_CODE: 'failed',
  ERR_ADMIN_SIGN_IN_NO_ACCOUNT: 'not-staff',
  ERR_ADMIN_SIGN_IN_BLOCKED: 'not-staff',
  ERR_ADMIN_SIGN_IN_NOT_STAFF: 'not-staff',
  ERR_ADMIN_SIGN_IN_NO_ADMIN_ROLE: 'not-staff',
  ERR_ADMIN_SIGN_IN_NO_SECOND_FACTOR: 'second-factor',
  ERR_ADMIN_SIGN_IN_NO_EMAIL: 'failed',
};

/** A staff sign-in to the admin panel that cannot be finished; nothing was written. */
export class AdminSignInError extends Error {
  readonly status = 403;
  readonly refusal: AdminSignInRefusal;

  constructor(
    readonly code: AdminSignInErrorCode,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options);
    this.name = 'AdminSignInError';
    this.refusal = REFUSAL_OF[code];
  }
}
