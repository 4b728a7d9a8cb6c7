import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app understands it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side of now: a clock a little off, or a code typed as it changed. */
const WINDOW = 1;
/** What the authenticator app shows above the account's name. */
export const TOTP_ISSUER = 'VixenHealth';

const totpOf = (secret: string, label = '') =>
  new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });

/** A new shared secret: 160 random bits (RFC 4226's recommendation), base32 as apps take it. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

/** The `otpauth://` URI an app reads from the QR code; `label` is the account's email. */
export const totpUri = (secret: string, label: string) => totpOf(secret, label).toString();

/** The time step a timestamp (ms) falls in. */
export const stepAt = (nowMs: number) => Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);

/** What a typed code looks like once spaces are gone: exactly six digits. */
export const looksLikeTotpCode = (code: string) => /^\d{6}$/.test(code.replace(/\s+/g, ''));

/**
 * The time step whose code `code` is, within one step of `nowMs`, or null. The step, not a
 * yes/no, so the caller can refuse a code of a step already used (replay).
 */
export const matchingStep = (secret: string, code: string, nowMs: number): number | null => {
  const token = code.replace(/\s+/g, '');
  if (!looksLikeTotpCode(token)) return null;
  const delta = totpOf(secret).validate({ token, timestamp: nowMs, window: WINDOW });
  return delta === null ? null : stepAt(nowMs) + delta;
};

/** The code of `secret` at `nowMs` (tests and benchmarks play the authenticator app). */
export const totpCodeAt = (secret: string, nowMs: number) =>
  totpOf(secret).generate({ timestamp: nowMs });
