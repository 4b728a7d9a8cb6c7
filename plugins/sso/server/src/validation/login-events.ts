import { errors, validateYupSchema, yup } from '@strapi/utils';

/** `GET /sso/login-events`: whose attempts (an email or a document id; everyone's without). */
const listLoginEventsSchema = yup.object({
  user: yup.string().trim().min(1).max(254),
  page: yup.number().integer().min(1).max(10_000).default(1),
});

export type ListLoginEventsInput = yup.InferType<typeof listLoginEventsSchema>;

// Query values arrive as strings, so they are cast (`page=2`), not taken strictly.
const validateSchema = validateYupSchema(listLoginEventsSchema, { strict: false });

/**
 * Throws a ValidationError (400) naming the field at fault. Unknown parameters are refused here:
 * yup's `noUnknown()` drops them silently when casting.
 */
export const validateListLoginEventsInput = async (
  query: Record<string, unknown>
): Promise<ListLoginEventsInput> => {
  const unknown = Object.keys(query).filter((key) => !(key in listLoginEventsSchema.fields));
  if (unknown.length > 0) {
    throw new errors.ValidationError(`unknown query parameters: ${unknown.join(', ')}`, {
      errors: unknown.map((key) => ({
        path: [key],
        message: `${key} is not a known parameter`,
        name: 'ValidationError',
      })),
    });
  }
  return validateSchema(query);
};
