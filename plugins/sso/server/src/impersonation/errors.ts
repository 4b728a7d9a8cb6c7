import { errors } from '@strapi/utils';

/** A refused field of `POST /sso/impersonations`, named the way yup names one (400). */
export const fieldError = (field: string, message: string) =>
  new errors.ValidationError(`${field}: ${message}`, {
    errors: [{ path: [field], message, name: 'ValidationError' }],
  });

/**
 * The person may not be impersonated at all (staff, blocked): 403 naming the field. A
 * PolicyError, the one 403 whose message and details Strapi passes on (it blanks the others).
 */
export const forbiddenTarget = (field: string, message: string) =>
  new errors.PolicyError(`${field}: ${message}`, {
    errors: [{ path: [field], message, name: 'ForbiddenError' }],
  });
