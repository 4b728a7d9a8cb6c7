export type AccountSignInErrorCode = 'ERR_ACCOUNT_TOKEN_UNREACHABLE' | 'ERR_ACCOUNT_CODE_REFUSED';

/** Signing in to the account pages could not be finished; the user may simply start again. */
export class AccountSignInError extends Error {
  readonly status = 400;

  constructor(
    readonly code: AccountSignInErrorCode,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options);
    this.name = 'AccountSignInError';
  }
}
