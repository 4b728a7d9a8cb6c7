import { errors } from '@strapi/utils';

import type { CabinetRule, ReviewLimitRule, ReviewRule } from '../contracts';

/**
 * Every refusal of the CMS's own endpoints. Each is one of Strapi's errors, so the answer has
 * Strapi's shape (`error.status`, `error.name`, `error.message`, `error.details`); where a rule
 * refused, `details.rule` names it with a stable code (contracts/rule-codes.ts) by which a UI
 * says it in the person's language. Messages are for developers.
 */

/**
 * 400 naming the field that is wrong, in the same shape as Strapi's own schema errors, so clients
 * read every validation failure the same way.
 */
export const fieldError = (path: string | string[], message: string, value?: unknown) => {
  const fieldPath = Array.isArray(path) ? path : [path];
  return new errors.ValidationError(`${fieldPath.join('.')}: ${message}`, {
    errors: [{ path: fieldPath, message, name: 'ValidationError', value }],
  });
};

/**
 * 403 with a reason the person can act on, and the rule that refused them. A PolicyError:
 * Strapi's authorization step, which wraps the controller, replaces any other ForbiddenError's
 * message with "Forbidden".
 */
export const notAllowed = (rule: CabinetRule | ReviewRule, message: string) =>
  new errors.PolicyError(message, { rule });

/** 400: what may be done once was done already (a second report, a second reply). */
export const alreadyDone = (
  rule: Extract<ReviewRule, 'one-report' | 'one-reply'>,
  message: string
) => new errors.ApplicationError(message, { rule });

/** 429: a limit on how many of something one person makes; `details` say how many more. */
export const limitReached = (
  rule: ReviewLimitRule | Extract<CabinetRule, 'draft-clinics' | 'pending-invitations'>,
  message: string,
  details: Record<string, unknown> = {}
) => new errors.RateLimitError(message, { rule, ...details });

/**
 * 404 for something the caller may not see: the same answer as for what does not exist, so
 * nobody learns which drafts, clinics or reviews exist.
 */
export const notFound = (what: string) => new errors.NotFoundError(`${what} not found`);

/** 401: the request needs a signed-in person (or admin-panel user) and came without one. */
export const signInRequired = (message: string) => new errors.UnauthorizedError(message);
