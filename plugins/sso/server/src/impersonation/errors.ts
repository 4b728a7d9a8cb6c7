import { errors } from '@strapi/utils';

/** A refused field of `POST /sso/impersonations`, named the way yup names one (400). */
export const fieldError = (field: string, message: string) =>
  new errors.ValidationError(`${field}: ${message}`, {
    errors: [{ path: [field], message, name: 'ValidationError' }],
  });

/** The person may not be impersonated at all (staff, blocked): 403 naming the field. */
export const forbiddenTarget = (field: string, message: string) =>
  new errors.ForbiddenError(`${field}: ${message}`, {
    errors: [{ path: [field], message, name: 'ForbiddenError' }],
  });
