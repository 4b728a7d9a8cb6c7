import { errors } from '@strapi/utils';

import { fieldError } from '../validation/field-error';

export { fieldError };

/** 404 for a review the caller may not see: the same answer as for one that does not exist. */
export const reviewNotFound = () => new errors.NotFoundError('Review not found');

/**
 * 403 with a reason the person can act on. A PolicyError: Strapi's authorization step, which
 * wraps the controller, replaces any other ForbiddenError's message with "Forbidden".
 */
export const notAllowed = (message: string) => new errors.PolicyError(message);

/** 429: a limit on how many reviews one person writes. */
export const limitReached = (message: string, details: Record<string, unknown>) =>
  new errors.RateLimitError(message, details);
