import { Secret } from 'otpauth';

import { startCms } from '../lib/cms-target.mjs';

/**
 * Accounts with an authenticator app: at 50 sign-ins/s at most, an account comes round again
 * after 60 s, in a later 30-second step (see the scenario's ACCOUNTS_PER_SECOND).
 */
const TOTP_ACCOUNTS = 3000;

/**
 * The CMS with accounts that have an authenticator app, whose secret the scenario holds.
 * @returns {Promise<import('../lib/scenario.mjs').ScenarioTarget>}
 */
export const startTotpSignInTarget = async () => {
  const secret = new Secret({ size: 20 }).base32;
  const { url, secrets, stop } = await startCms({
    totpUsers: TOTP_ACCOUNTS,
    totpSecret: secret,
  });
  return {
    url,
    stop,
    options: { accounts: TOTP_ACCOUNTS, password: secrets.demoUserPassword, secret },
  };
};

/** @type {import('../lib/cases.mjs').BenchCase} */
export default {
  name: 'id-sign-in-totp',
  description:
    'VixenHealth ID sign-in through the forms with a second step (password, then a TOTP code), by concurrent users as fast as answers come: capacity',
  scenario: new URL('../scenarios/id-sign-in-totp.mjs', import.meta.url),
  start: startTotpSignInTarget,
  goals: [{ label: 'sign-ins/s', of: (result) => result.perSecond, atLeast: 30 }],
};
