import type { CallEvent } from '../../../shared/contracts';

/**
 * What one provider notification says: events of a call for the call model, and a recording
 * the provider now keeps (a reference its API resolves, like `zadarma:<call_id_with_rec>`).
 */
export interface ProviderNotice {
  events: CallEvent[];
  recording?: { callId: string; reference: string };
}

/** Refused input of a notification, naming the field; answered 400. */
export class NoticeFieldError extends Error {
  constructor(
    readonly path: string[],
    message: string
  ) {
    super(message);
    this.name = 'NoticeFieldError';
  }
}

/** A bounded string field of a notification: ids and numbers are short. */
export const textField = (
  source: Record<string, unknown>,
  name: string,
  path: string[],
  { required = false, max = 200 }: { required?: boolean; max?: number } = {}
): string | undefined => {
  const value = source[name];
  if (value === undefined || value === null || value === '') {
    if (required) throw new NoticeFieldError([...path, name], 'is required');
    return undefined;
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new NoticeFieldError([...path, name], 'must be a string');
  }
  const text = String(value);
  if (text.length > max) throw new NoticeFieldError([...path, name], `at most ${max} characters`);
  return text;
};
