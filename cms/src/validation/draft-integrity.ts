import type { Core, Schema } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { fieldError } from '../errors';

type FieldErrorDetail = { path: string[]; message: string; name: string; value?: unknown };

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

// Relations and media are checked by the Document Service itself, once it has resolved them.
// (Relations inside components still reach the validator; their errors are set aside below.)
const isLink = (attribute: { type: string }) =>
  attribute.type === 'relation' || attribute.type === 'media';

/**
 * The schema's value rules without what only a finished entry must meet (required fields,
 * uniqueness among published entries), and without links to other entries.
 */
const valueRules = <T extends Schema.ContentType>(contentType: T): T => ({
  ...contentType,
  attributes: Object.fromEntries(
    Object.entries(contentType.attributes)
      .filter(([, attribute]) => !isLink(attribute))
      .map(([name, attribute]) => {
        const {
          required: _required,
          unique: _unique,
          ...rest
        } = attribute as Record<string, unknown>;
        return [name, rest];
      })
  ) as T['attributes'],
});

const checkFormats = async (
  strapi: Core.Strapi,
  contentType: Schema.ContentType,
  data: Record<string, unknown>
) => {
  const rules = valueRules(contentType);
  const values = Object.fromEntries(
    Object.entries(data).filter(([name]) => name in rules.attributes)
  );
  try {
    await strapi.entityValidator.validateEntityCreation(rules, values, { isDraft: false });
  } catch (error) {
    if (!(error instanceof errors.ValidationError)) throw error;
    const details = (error.details as { errors?: FieldErrorDetail[] }).errors ?? [];
    // A draft may be unfinished: a field left empty is for publishing to complain about. Errors
    // without a field come from the relation check, which the Document Service repeats on ids.
    const wrongValues = details.filter(
      (detail) => detail.path.length > 0 && !isEmpty(detail.value)
    );
    if (wrongValues.length > 0) {
      throw new errors.ValidationError(wrongValues[0].message, { errors: wrongValues });
    }
  }
};

const checkUniqueness = async (
  strapi: Core.Strapi,
  contentType: Schema.ContentType,
  data: Record<string, unknown>,
  selfDocumentId: string | undefined
) => {
  for (const [name, attribute] of Object.entries(contentType.attributes)) {
    const isUnique = attribute.type === 'uid' || (attribute as { unique?: boolean }).unique;
    if (!isUnique || isEmpty(data[name])) continue;
    // Every document has a draft row, so drafts alone cover every document.
    const taken = await strapi.db.query(contentType.uid).findOne({
      select: ['id'],
      where: {
        [name]: data[name],
        publishedAt: null,
        ...(selfDocumentId ? { documentId: { $ne: selfDocumentId } } : {}),
      },
    });
    if (taken) throw fieldError(name, 'is already taken', data[name]);
  }
};

/**
 * Strapi lets drafts skip every check until they are published. Our drafts may be unfinished,
 * but what they hold must be valid: formats, ranges and uniqueness are checked on every save,
 * so no one can, say, reserve a subdomain another clinic already has.
 */
export const checkDraftIntegrity = async (
  strapi: Core.Strapi,
  contentType: Schema.ContentType,
  data: Record<string, unknown>,
  selfDocumentId: string | undefined
) => {
  await checkFormats(strapi, contentType, data);
  await checkUniqueness(strapi, contentType, data, selfDocumentId);
};
