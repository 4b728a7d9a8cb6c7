import { SIP_ACCOUNT_LIMITS, type SipAccountInput } from '../../../shared/contracts';
import { fieldError } from '../errors';

const SIP_URI = /^sips?:[^@\s:;]+@[A-Za-z0-9.-]+(:\d{1,5})?$/;
// Printable ASCII: a SIP digest password travels in no other alphabet reliably.
const PRINTABLE = /^[\x20-\x7e]+$/;

const text = (
  body: Record<string, unknown>,
  field: keyof typeof SIP_ACCOUNT_LIMITS,
  required: boolean
): string | null => {
  const value = body[field];
  if (value === undefined || value === null || value === '') {
    if (required) throw fieldError(field, 'is required');
    return null;
  }
  if (typeof value !== 'string') throw fieldError(field, 'must be a string');
  if (value.length > SIP_ACCOUNT_LIMITS[field]) {
    throw fieldError(field, `must be at most ${SIP_ACCOUNT_LIMITS[field]} characters`);
  }
  if (!PRINTABLE.test(value) && field !== 'displayName') {
    throw fieldError(field, 'must be printable ASCII');
  }
  return value;
};

/** A lead's input for an agent's SIP account, or a 400 naming the first wrong field. */
export const validateSipAccount = (body: unknown): Required<SipAccountInput> => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw fieldError('body', 'must be an object');
  }
  const input = body as Record<string, unknown>;
  const sipUri = text(input, 'sipUri', true)!;
  if (!SIP_URI.test(sipUri)) throw fieldError('sipUri', 'must look like sip:user@domain');
  const wsUrl = text(input, 'wsUrl', true)!;
  let parsed: URL | null = null;
  try {
    parsed = new URL(wsUrl);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'wss:' && parsed.protocol !== 'ws:')) {
    throw fieldError('wsUrl', 'must be a ws:// or wss:// address');
  }
  const displayName = text(input, 'displayName', false);
  // It goes into a quoted SIP display name: no quote may end it, no control character break it.
  if (displayName !== null && [...displayName].some((c) => c === '"' || c.charCodeAt(0) < 0x20)) {
    throw fieldError('displayName', 'must not contain quotes or control characters');
  }
  return {
    sipUri,
    wsUrl,
    password: text(input, 'password', true)!,
    authorizationUser: text(input, 'authorizationUser', false),
    displayName,
  };
};
