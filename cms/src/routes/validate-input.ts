import { yup } from '@strapi/utils';

import { fieldError } from '../errors';

type Body = Record<string, unknown>;

/**
 * Refuses keys the schema does not name, at the first such key's path (`rating2` is not a field of
 * a review), where yup's `noUnknown` would name the object.
 */
export const knownFieldsOnly = <S extends yup.AnyObjectSchema>(schema: S, what: string): S =>
  schema.test('known-fields', function (value) {
    const unknown = Object.keys(value ?? {}).find((key) => !(key in schema.fields));
    return unknown === undefined
      ? true
      : this.createError({ path: unknown, message: `${unknown} is not a field of ${what}` });
  });

/**
 * A validator of one action's input: the value as the schema casts it, or a 400 naming the first
 * field that is wrong (`fieldError`), in the shape every other refusal of a field has. `context`
 * reaches the schema's tests (`this.options.context`), e.g. the time a review is written.
 *
 * @example
 * ```ts
 * const validateDecisionsInput = validateInput(decisionsSchema);
 * const { decision, documentIds } = validateDecisionsInput(ctx.request.body);
 * ```
 */
export const validateInput =
  <S extends yup.AnySchema>(schema: S) =>
  (input: unknown, context?: object): yup.InferType<S> => {
    try {
      return schema.validateSync(input, { abortEarly: true, context });
    } catch (error) {
      if (!(error instanceof yup.ValidationError)) throw error;
      const path = error.path ? error.path.split('.') : [];
      // yup reports the object being validated; the answer names the field's own value.
      const value = path.reduce<unknown>(
        (parent, key) => (parent as Body | undefined)?.[key],
        input
      );
      throw fieldError(path, error.message, value);
    }
  };
