import { Secret, TOTP } from 'otpauth';

import type { TestCms } from './strapi-harness';

/**
 * The code an authenticator app shows for `secret` (base32) at `atMs`: RFC 6238 as the apps
 * do it (SHA-1, 6 digits, 30 s), computed by `otpauth` independently of ID's own code.
 */
export const totpCode = (secret: string, atMs: number) =>
  TOTP.generate({
    secret: Secret.fromBase32(secret.replace(/\s+/g, '')),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    timestamp: atMs,
  });

/**
 * Puts ID's TOTP clock under the test's control (the `totp` service's test-only seam): codes
 * are checked as if it were `clock.now`, which the test moves.
 */
export const controlTotpClock = (cms: TestCms, startMs = Date.UTC(2026, 0, 5, 9, 0, 0)) => {
  const clock = { now: startMs };
  cms.strapi
    .plugin('sso')
    .service('totp')
    .useClock(() => clock.now);
  return clock;
};

/**
 * Turns two-step sign-in on for a user as the account page does (secret, a code to confirm,
 * recovery codes), at the TOTP clock's current time. Returns the secret and recovery codes.
 */
export const enrolTotp = async (
  cms: TestCms,
  user: { id: number; email: string },
  atMs: number
): Promise<{ secret: string; recoveryCodes: string[] }> => {
  const sso = cms.strapi.plugin('sso');
  const { secret } = await sso.service('totp').startEnrolment(user.id, user.email);
  const confirmed = await sso.service('totp').confirmEnrolment(user.id, totpCode(secret, atMs));
  if (!confirmed.ok) throw new Error(`TOTP enrolment refused: ${confirmed.reason}`);
  const recoveryCodes: string[] = await sso.service('recovery-codes').issue(user.id);
  return { secret, recoveryCodes };
};
