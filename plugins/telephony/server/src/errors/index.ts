import { errors } from '@strapi/utils';

/**
 * Why telephony refused or failed, with a message a person can act on: `softphone-only` is
 * click-to-call through a PBX without a callback API.
 */
export type TelephonyErrorCode = 'not-configured' | 'provider-failed' | 'softphone-only';

export class TelephonyError extends Error {
  constructor(
    readonly code: TelephonyErrorCode,
    message: string
  ) {
    super(message);
    this.name = 'TelephonyError';
  }
}

/**
 * Refusals of the HTTP endpoints, as Strapi's errors so answers have Strapi's shape
 * (`error.status`, `error.name`, `error.message`, `error.details`).
 */

/** 400 naming the field that is wrong, in the shape of Strapi's own schema errors. */
export const fieldError = (path: string | string[], message: string) => {
  const fieldPath = Array.isArray(path) ? path : [path];
  return new errors.ValidationError(`${fieldPath.join('.')}: ${message}`, {
    errors: [{ path: fieldPath, message, name: 'ValidationError' }],
  });
};

/** 404, also for an integration token that does not exist: nothing is learnt from probing. */
export const notFound = (what: string) => new errors.NotFoundError(`${what} not found`);

/** 403 for a signed-in user who may not do this. */
export const forbidden = (message: string) => new errors.ForbiddenError(message);

/** 401 for a signature that is missing, wrong or too old. */
export const badSignature = (message: string) => new errors.UnauthorizedError(message);

/** 413 for a body over the webhooks' limit. */
export const bodyTooLarge = (limit: number) =>
  new errors.PayloadTooLargeError(`The body is larger than ${limit} bytes`);
