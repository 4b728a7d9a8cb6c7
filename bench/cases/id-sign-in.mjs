import { startCms } from '../lib/cms-target.mjs';
import { DEMO_USERS } from '../lib/id.mjs';

/**
 * The CMS with the demo users, who sign in in turns; successful sign-ins are never throttled.
 * @returns {Promise<import('../lib/scenario.mjs').ScenarioTarget>}
 */
export const startSignInTarget = async () => {
  const { url, secrets, stop } = await startCms();
  return { url, stop, options: { emails: DEMO_USERS, password: secrets.demoUserPassword } };
};

/** @type {import('../lib/cases.mjs').BenchCase} */
export default {
  name: 'id-sign-in',
  description:
    'VixenHealth ID sign-in through the form, by concurrent users each signing in again and again as fast as answers come: capacity, with authorization code + PKCE and the password KDF (Argon2id)',
  scenario: new URL('../scenarios/id-sign-in.mjs', import.meta.url),
  start: startSignInTarget,
  goals: [{ label: 'sign-ins/s', of: (result) => result.perSecond, atLeast: 30 }],
};
