import { fieldError } from '../errors';

/** The longest retention an owner may choose: a year, as the platform promises. */
export const MAX_RETENTION_DAYS = 365;

/**
 * `PUT …/settings` body `{ data: { retentionDays } }`: whole days 1..365, or null for the
 * platform's default. A 400 names the field.
 */
export const validateSettingsInput = (body: unknown): { retentionDays: number | null } => {
  const data = (body as { data?: unknown } | null)?.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw fieldError('data', 'data must be an object');
  }
  const unknown = Object.keys(data).find((key) => key !== 'retentionDays');
  if (unknown !== undefined) throw fieldError(['data', unknown], `${unknown} is not a setting`);
  const { retentionDays } = data as { retentionDays?: unknown };
  if (retentionDays === null) return { retentionDays: null };
  if (
    typeof retentionDays !== 'number' ||
    !Number.isInteger(retentionDays) ||
    retentionDays < 1 ||
    retentionDays > MAX_RETENTION_DAYS
  ) {
    throw fieldError(
      ['data', 'retentionDays'],
      `retentionDays must be a whole number of days from 1 to ${MAX_RETENTION_DAYS}, or null`,
      retentionDays
    );
  }
  return { retentionDays };
};
