import { errors } from '@strapi/utils';

import { notAllowed } from '../errors/not-allowed';
import { fieldError } from '../validation/field-error';

export { fieldError, notAllowed };

/** 404 for a review the caller may not see: the same answer as for one that does not exist. */
export const reviewNotFound = () => new errors.NotFoundError('Review not found');

/** 429: a limit on how many reviews one person writes. */
export const limitReached = (message: string, details: Record<string, unknown>) =>
  new errors.RateLimitError(message, details);
