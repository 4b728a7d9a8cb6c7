/**
 * What other parts of the platform announce on Strapi's event hub for the system metrics to
 * count. Emitting one of these is all a plugin does: it need not know the metrics plugin.
 */
export const PLATFORM_EVENT = {
  /** VixenHealth ID checked a password: `{ outcome }` (a `LoginOutcome` of plugins/sso). */
  signIn: 'sso.sign-in',
  /** A telephone call ended: `{ direction: 'inbound' | 'outbound', outcome: 'answered' | 'missed' }`. */
  call: 'telephony.call',
} as const;

/** The ID's sign-in outcomes; anything else is counted as `other`, so labels stay bounded. */
export const SIGN_IN_OUTCOMES = [
  'success',
  'bad-credentials',
  'throttled',
  'blocked',
  'unverified',
] as const;

export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export const CALL_OUTCOMES = ['answered', 'missed'] as const;

/** `value` when it is one of `allowed`, else `other`: a label never takes a caller's free text. */
export const boundedLabel = (value: unknown, allowed: readonly string[]): string =>
  typeof value === 'string' && allowed.includes(value) ? value : 'other';
