/**
 * `amr` values (RFC 8176) that prove more than a password: `mfa` (several factors), `otp` (a
 * one-time code), `hwk`/`swk` (a passkey, itself possession plus a device unlock).
 */
const SECOND_FACTORS = new Set(['mfa', 'otp', 'hwk', 'swk']);

/** True when the ID token says the person used a second factor. */
export const usedSecondFactor = (amr: unknown): boolean =>
  Array.isArray(amr) && amr.some((method) => SECOND_FACTORS.has(method));
