import { errors, validateYupSchema, yup } from '@strapi/utils';

import { REASON_MAX_LENGTH, REASON_MIN_LENGTH } from './limits';

/** `POST /sso/impersonations`: exactly one of `userEmail`, `userId`, and a reason. */
const startSchema = yup
  .object({
    userEmail: yup.string().trim().email().max(254),
    userId: yup.string().trim().min(1).max(64),
    reason: yup
      .string()
      .trim()
      .required('reason is required')
      .min(REASON_MIN_LENGTH, `reason must be at least ${REASON_MIN_LENGTH} characters`)
      .max(REASON_MAX_LENGTH, `reason must be at most ${REASON_MAX_LENGTH} characters`),
  })
  .noUnknown()
  .strict();

/** `GET /sso/impersonations?page=`. */
const listSchema = yup.object({
  page: yup.number().integer().min(1).max(10_000).default(1),
});

export type StartImpersonationInput = yup.InferType<typeof startSchema>;

const refuseUnknown = (input: Record<string, unknown>, known: Record<string, unknown>) => {
  const unknown = Object.keys(input).filter((key) => !(key in known));
  if (unknown.length > 0) {
    throw new errors.ValidationError(`unknown fields: ${unknown.join(', ')}`, {
      errors: unknown.map((key) => ({
        path: [key],
        message: `${key} is not a known field`,
        name: 'ValidationError',
      })),
    });
  }
};

/** Throws a ValidationError (400) naming the field at fault. */
export const validateStartImpersonationInput = async (
  body: unknown
): Promise<StartImpersonationInput> => {
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  refuseUnknown(input, startSchema.fields);
  const valid = await validateYupSchema(startSchema, { strict: false })(input);
  if (!valid.userEmail === !valid.userId) {
    const field = valid.userEmail ? 'userId' : 'userEmail';
    throw new errors.ValidationError(`${field}: give either userEmail or userId`, {
      errors: [
        { path: [field], message: 'give either userEmail or userId', name: 'ValidationError' },
      ],
    });
  }
  return valid;
};

export const validateListImpersonationsInput = async (query: Record<string, unknown>) => {
  refuseUnknown(query, listSchema.fields);
  return validateYupSchema(listSchema, { strict: false })(query) as Promise<
    yup.InferType<typeof listSchema>
  >;
};
