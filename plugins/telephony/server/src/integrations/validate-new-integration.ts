import { INTEGRATION_KINDS, INTEGRATION_LIMITS as LIMITS } from '../../../shared/contracts';
import { fieldError } from '../errors';
import type { NewIntegration } from './integrations';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (body: Record<string, unknown>, field: string, maxLength: number) => {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw fieldError(field, 'must be a string');
  const trimmed = value.trim();
  if (trimmed.length > maxLength) {
    throw fieldError(field, `must be at most ${maxLength} characters`);
  }
  return trimmed || undefined;
};

const numbers = (body: Record<string, unknown>) => {
  const value = body.blockedNumbers;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw fieldError('blockedNumbers', 'must be a list of numbers');
  if (value.length > LIMITS.blockedNumbersMax) {
    throw fieldError('blockedNumbers', `must hold at most ${LIMITS.blockedNumbersMax} numbers`);
  }
  return value.map((item, index) => {
    if (typeof item !== 'string' || !item.trim() || item.length > LIMITS.numberMaxLength) {
      throw fieldError(
        ['blockedNumbers', String(index)],
        `must be a number of at most ${LIMITS.numberMaxLength} characters`
      );
    }
    return item.trim();
  });
};

/** The admin's `CreateIntegrationRequest`, checked field by field (400 naming the field). */
export const validateNewIntegration = (body: unknown): NewIntegration => {
  if (!isRecord(body)) throw fieldError('body', 'must be a JSON object');
  const name = text(body, 'name', LIMITS.nameMaxLength);
  if (!name) throw fieldError('name', 'is required');
  const kind = INTEGRATION_KINDS.find((known) => known === body.kind);
  if (!kind) throw fieldError('kind', `must be one of ${INTEGRATION_KINDS.join(', ')}`);
  return {
    name,
    kind,
    group: text(body, 'group', LIMITS.groupMaxLength) ?? null,
    clinic: text(body, 'clinic', LIMITS.clinicMaxLength) ?? null,
    blockedNumbers: numbers(body),
    outboundCallerId: text(body, 'outboundCallerId', LIMITS.numberMaxLength) ?? null,
    apiKey: text(body, 'apiKey', LIMITS.apiCredentialMaxLength),
    apiSecret: text(body, 'apiSecret', LIMITS.apiCredentialMaxLength),
  };
};
