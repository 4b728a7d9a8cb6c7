export type PasskeyErrorCode =
  | 'ERR_PASSKEY_BAD_REQUEST'
  | 'ERR_PASSKEY_CHALLENGE'
  | 'ERR_PASSKEY_UNKNOWN'
  | 'ERR_PASSKEY_VERIFICATION'
  | 'ERR_PASSKEY_THROTTLED'
  | 'ERR_PASSKEY_BLOCKED'
  | 'ERR_PASSKEY_CSRF'
  | 'ERR_PASSKEY_SIGNED_OUT'
  | 'ERR_PASSKEY_IMPERSONATED'
  | 'ERR_PASSKEY_INTERACTION';

/** Why, in words the pages translate (`passkeys.error.<reason>`). */
export type PasskeyErrorReason =
  | 'bad-request'
  | 'expired'
  | 'unknown'
  | 'failed'
  | 'throttled'
  | 'blocked'
  | 'impersonated'
  | 'label-missing'
  | 'label-too-long';

/**
 * A passkey ceremony that cannot complete as asked: the status to answer, a stable `code`, and
 * the `reason` (with `values`) the pages turn into a message in the reader's language.
 */
export class PasskeyError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 429,
    readonly code: PasskeyErrorCode,
    readonly reason: PasskeyErrorReason,
    readonly values: Record<string, string | number> = {},
    options?: { cause?: unknown }
  ) {
    super(`${code}: ${reason}`, options);
    this.name = 'PasskeyError';
  }
}

/** A field of the request that is missing or malformed, named for the client. */
export const badRequest = (field: string) =>
  new PasskeyError(400, 'ERR_PASSKEY_BAD_REQUEST', 'bad-request', { field });

/** No challenge for this browser and ceremony: none asked for, used already, or expired. */
export const expiredChallenge = () => new PasskeyError(400, 'ERR_PASSKEY_CHALLENGE', 'expired');
