import { errors } from '@strapi/utils';

/**
 * A 400 answer naming the field that is wrong, in the same shape as Strapi's own schema errors,
 * so clients read every validation failure the same way.
 */
export const fieldError = (path: string | string[], message: string, value?: unknown) => {
  const fieldPath = Array.isArray(path) ? path : [path];
  return new errors.ValidationError(`${fieldPath.join('.')}: ${message}`, {
    errors: [{ path: fieldPath, message, name: 'ValidationError', value }],
  });
};
