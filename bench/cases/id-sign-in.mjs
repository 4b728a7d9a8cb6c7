import { startCms } from '../lib/cms-target.mjs';
import { DEMO_USERS } from '../lib/id.mjs';

/** @type {import('../lib/cases.mjs').BenchCase} */
export default {
  name: 'id-sign-in',
  description:
    'VixenHealth ID sign-in through the form, by concurrent users each signing in again and again: authorization code + PKCE, password KDF (scrypt) included',
  scenario: new URL('../scenarios/id-sign-in.mjs', import.meta.url),

  async start() {
    const { url, secrets, stop } = await startCms();
    // Both demo users, in turns; successful sign-ins are never throttled.
    return { url, stop, options: { emails: DEMO_USERS, password: secrets.demoUserPassword } };
  },

  goals: [
    { label: 'sign-ins/s', of: (result) => result.perSecond, atLeast: 30 },
    {
      label: 'POST /login p95',
      unit: ' ms',
      of: (result) => result.steps?.['POST /login']?.p95,
      below: 200,
    },
  ],
};
