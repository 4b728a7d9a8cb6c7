import { errors } from '@strapi/utils';

/**
 * Every refusal of the desk's endpoints, as Strapi's errors so answers have Strapi's shape
 * (`error.status`, `error.name`, `error.message`, `error.details`). Where a rule refused,
 * `details.rule` names it with a stable code a UI words in the person's language.
 */

export type SupportRule =
  | 'ticket-closed'
  | 'group-not-yours'
  | 'lead-only'
  | 'moderation-only'
  | 'merge-into-self'
  | 'already-merged'
  | 'problem-resolved'
  | 'not-a-moderation-ticket';

/** 400 naming the field that is wrong, in the shape of Strapi's own schema errors. */
export const fieldError = (path: string | string[], message: string, value?: unknown) => {
  const fieldPath = Array.isArray(path) ? path : [path];
  return new errors.ValidationError(`${fieldPath.join('.')}: ${message}`, {
    errors: [{ path: fieldPath, message, name: 'ValidationError', value }],
  });
};

/** 403 with the rule that refused (a PolicyError keeps its message through Strapi's auth step). */
export const notAllowed = (rule: SupportRule, message: string) =>
  new errors.PolicyError(message, { rule });

/** 409-like refusal of a change the current state does not allow (answered 400). */
export const notNow = (rule: SupportRule, message: string) =>
  new errors.ApplicationError(message, { rule });

/** 404, also for what the caller may not see: nobody learns which tickets exist. */
export const notFound = (what: string) => new errors.NotFoundError(`${what} not found`);
