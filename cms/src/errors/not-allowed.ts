import { errors } from '@strapi/utils';

/**
 * 403 with a reason the person can act on, and the rule that refused them (`details.rule`), by
 * which a UI says it in the person's language. A PolicyError: Strapi's authorization step, which
 * wraps the controller, replaces any other ForbiddenError's message with "Forbidden".
 */
export const notAllowed = (rule: string, message: string) =>
  new errors.PolicyError(message, { rule });
