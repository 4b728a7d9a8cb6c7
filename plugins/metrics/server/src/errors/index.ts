import { errors } from '@strapi/utils';

/**
 * Every refusal of the dashboards' endpoints, as Strapi's errors so answers have Strapi's shape
 * (`error.status`, `error.name`, `error.message`, `error.details`).
 */

/** 400 naming the field that is wrong, in the shape of Strapi's own schema errors. */
export const fieldError = (path: string | string[], message: string, value?: unknown) => {
  const fieldPath = Array.isArray(path) ? path : [path];
  return new errors.ValidationError(`${fieldPath.join('.')}: ${message}`, {
    errors: [{ path: fieldPath, message, name: 'ValidationError', value }],
  });
};

/** 404, also for a site the caller may not read: nobody learns which sites exist. */
export const notFound = (what: string) => new errors.NotFoundError(`${what} not found`);

/** 403 with the rule that refused (a PolicyError keeps its message through Strapi's auth step). */
export const notAllowed = (rule: 'owners-only' | 'people-only' | 'permission', message: string) =>
  new errors.PolicyError(message, { rule });

/** 401: the request came without a sign-in. */
export const signInFirst = () =>
  new errors.UnauthorizedError('Sign in with VixenHealth ID to see the figures');
