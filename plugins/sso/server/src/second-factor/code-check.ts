import type { Core } from '@strapi/strapi';

import type { Account } from '../services/accounts';
import type { SecondFactorMethod } from '../services/login-history';
import { getService } from '../utils';
import { looksLikeTotpCode } from './totp-codes';

export interface CodeAttempt {
  account: Pick<Account, 'id' | 'email'>;
  /** What the person typed: a code from the app, or a recovery code. */
  code: string;
  ip: string;
  userAgent: string;
}

export type CodeCheck =
  | { ok: true; method: SecondFactorMethod }
  | { ok: false; reason: 'wrong' | 'replayed' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks the code of a second step: throttled per account (`SECOND_FACTOR_RULE`), and recorded
 * in the sign-in history whatever its outcome. Six digits are an app code; anything else is
 * tried as a recovery code.
 */
export const checkSecondFactorCode = async (
  strapi: Core.Strapi,
  attempt: CodeAttempt
): Promise<CodeCheck> => {
  const history = getService(strapi, 'login-history');
  const method: SecondFactorMethod = looksLikeTotpCode(attempt.code) ? 'totp' : 'recovery-code';
  const record = (outcome: 'success' | 'bad-code' | 'throttled') =>
    history.record({
      email: attempt.account.email,
      userId: attempt.account.id,
      outcome,
      method,
      ip: attempt.ip,
      userAgent: attempt.userAgent,
    });

  const decision = await history.decideSecondFactor(attempt.account.email);
  if (decision.retryAfterSeconds > 0) {
    await record('throttled');
    return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
  }
  if (method === 'totp') {
    const check = await getService(strapi, 'totp').verify(attempt.account.id, attempt.code);
    if (check.ok) {
      await record('success');
      return { ok: true, method };
    }
    await record('bad-code');
    return { ok: false, reason: check.reason === 'replayed' ? 'replayed' : 'wrong' };
  }
  const spent = await getService(strapi, 'recovery-codes').use(attempt.account.id, attempt.code);
  await record(spent ? 'success' : 'bad-code');
  return spent ? { ok: true, method } : { ok: false, reason: 'wrong' };
};
