import { errors, validateYupSchema, yup } from '@strapi/utils';

/** `POST /sso/directory-sync`: `{ "dryRun": true }` reports, `false` syncs. */
const runDirectorySyncSchema = yup
  .object({ dryRun: yup.boolean().strict().required() })
  .noUnknown();

export type RunDirectorySyncInput = yup.InferType<typeof runDirectorySyncSchema>;

const validateSchema = validateYupSchema(runDirectorySyncSchema, { strict: true });

/** Throws a ValidationError (400) naming the field at fault; unknown fields are refused. */
export const validateRunDirectorySyncInput = async (
  body: unknown
): Promise<RunDirectorySyncInput> => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new errors.ValidationError('dryRun: the body must be a JSON object with dryRun', {
      errors: [{ path: ['dryRun'], message: 'dryRun is required', name: 'ValidationError' }],
    });
  }
  return validateSchema(body);
};
