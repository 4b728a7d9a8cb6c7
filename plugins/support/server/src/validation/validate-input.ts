import { yup } from '@strapi/utils';

import { fieldError } from '../errors';

type Body = Record<string, unknown>;

/**
 * A validator of one action's input: the value as the schema casts it, or a 400 naming the first
 * wrong field. Unknown keys are refused at their own path, so a typo is named, not ignored.
 */
export const validateInput =
  <S extends yup.AnyObjectSchema>(schema: S, what: string) =>
  (input: unknown): yup.InferType<S> => {
    const unknown = Object.keys((input ?? {}) as Body).find((key) => !(key in schema.fields));
    if (unknown !== undefined) throw fieldError(unknown, `${unknown} is not a field of ${what}`);
    try {
      return schema.validateSync(input ?? {}, { abortEarly: true, stripUnknown: false });
    } catch (error) {
      if (!(error instanceof yup.ValidationError)) throw error;
      // yup writes `tags[2].name`; the answer names each step: ['tags', '2', 'name'].
      const path = error.path ? error.path.replace(/\[(\d+)\]/g, '.$1').split('.') : [];
      const value = path.reduce<unknown>(
        (parent, key) => (parent as Body | undefined)?.[key],
        input
      );
      throw fieldError(path, error.message, value);
    }
  };
