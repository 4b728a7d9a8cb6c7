import { WEBHOOK_FIELD_MAX_LENGTH } from '../../../shared/contracts';
import { fieldError } from '../errors';

/** A parsed webhook body's fields, read one by one; each refusal (400) names its field. */
export type Fields = Record<string, unknown>;

export const asFields = (body: unknown): Fields => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw fieldError('body', 'must be an object of fields');
  }
  return body as Fields;
};

export const optionalText = (fields: Fields, field: string): string | undefined => {
  const value = fields[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw fieldError(field, 'must be a string');
  if (value.length > WEBHOOK_FIELD_MAX_LENGTH) {
    throw fieldError(field, `must be at most ${WEBHOOK_FIELD_MAX_LENGTH} characters`);
  }
  return value;
};

export const requiredText = (fields: Fields, field: string): string => {
  const value = optionalText(fields, field);
  if (value === undefined) throw fieldError(field, 'is required');
  return value;
};

export const oneOf = <T extends string>(
  fields: Fields,
  field: string,
  allowed: readonly T[]
): T => {
  const value = allowed.find((candidate) => candidate === fields[field]);
  if (!value) throw fieldError(field, `must be one of ${allowed.join(', ')}`);
  return value;
};

/** The agents a PBX names: one name, or a list (`user[]=a&user[]=b` or a JSON array). */
export const userNames = (fields: Fields, field = 'user'): string[] | undefined => {
  const value = fields[field];
  if (value === undefined || value === null || value === '') return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (list.length > 50) throw fieldError(field, 'must name at most 50 agents');
  list.forEach((name, index) => {
    if (typeof name !== 'string' || name.length > WEBHOOK_FIELD_MAX_LENGTH) {
      throw fieldError(
        Array.isArray(value) ? [field, String(index)] : field,
        `must be names of at most ${WEBHOOK_FIELD_MAX_LENGTH} characters`
      );
    }
  });
  const names = (list as string[]).filter(Boolean);
  return names.length ? names : undefined;
};
