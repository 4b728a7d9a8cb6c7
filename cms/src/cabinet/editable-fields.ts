import type { Schema } from '@strapi/strapi';

import type { ContentKind } from '../contracts';
import { fieldError } from '../errors';

/**
 * What the cabinet lets clinic staff write, by kind. Everything else (ratings, owners, account
 * status, the clinic a document belongs to) is the platform's to set; asking for it is a 400.
 * Media fields take ids of photos from the clinic's own library (see clinic-photos.ts).
 */
const EDITABLE_FIELDS = {
  clinic: [
    'name',
    'shortDescription',
    'description',
    'city',
    'address',
    'phones',
    'email',
    'openingHours',
    'specialties',
    'logo',
    'subdomain',
    'customDomain',
  ],
  doctors: ['fullName', 'specialty', 'experienceYears', 'biography', 'photo'],
  services: ['name', 'description', 'price', 'currency', 'durationMinutes', 'specialty'],
  pages: ['title', 'slug', 'position', 'body', 'seo'],
} as const satisfies Record<'clinic' | ContentKind, readonly string[]>;

/** Fields of a clinic only its owners change: where its site lives. */
export const OWNER_ONLY_FIELDS: ReadonlySet<string> = new Set(['subdomain', 'customDomain']);

/**
 * The `data` object of a request, with only the fields `kind` allows.
 * @throws ValidationError naming the first field that is not writable here.
 */
export const editableData = (
  kind: keyof typeof EDITABLE_FIELDS,
  data: unknown
): Record<string, unknown> => {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw fieldError('data', 'data must be an object of fields');
  }
  const allowed: readonly string[] = EDITABLE_FIELDS[kind];
  const unknown = Object.keys(data).find((field) => !allowed.includes(field));
  if (unknown) throw fieldError(unknown, 'cannot be set here');
  return { ...(data as Record<string, unknown>) };
};

/**
 * Drafts skip the schema's required and length checks until they are published; a clinic being
 * opened needs its essentials now, checked against the schema's own limits.
 */
export function requireFields<TField extends string>(
  attributes: Record<string, Schema.Attribute.AnyAttribute>,
  data: Record<string, unknown>,
  fields: readonly TField[]
): asserts data is Record<string, unknown> & Record<TField, string> {
  for (const field of fields) {
    const value = data[field];
    const attribute = attributes[field];
    const minLength = (attribute && 'minLength' in attribute && attribute.minLength) || 1;
    if (typeof value !== 'string' || value.trim().length < minLength) {
      throw fieldError(field, `is required (at least ${minLength} characters)`, value);
    }
  }
}
