import { errors } from '@strapi/utils';

/**
 * 403 with a reason the person can act on. A PolicyError: Strapi's authorization step, which
 * wraps the controller, replaces any other ForbiddenError's message with "Forbidden".
 */
export const notAllowed = (message: string) => new errors.PolicyError(message);
