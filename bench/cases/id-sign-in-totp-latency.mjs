import { startTotpSignInTarget } from './id-sign-in-totp.mjs';

/** The load the latency target is set for: 30 sign-ins/s, by the run's users together. */
const SIGN_INS_PER_SECOND = 30;

/** @type {import('../lib/cases.mjs').BenchCase} */
export default {
  name: 'id-sign-in-totp-latency',
  description: `VixenHealth ID sign-in with password and TOTP code at ${SIGN_INS_PER_SECOND} sign-ins/s: how long a person waits at that load`,
  scenario: new URL('../scenarios/id-sign-in-totp.mjs', import.meta.url),
  async start() {
    return { ...(await startTotpSignInTarget()), pace: SIGN_INS_PER_SECOND };
  },
  goals: [
    {
      label: 'POST /login p95',
      unit: ' ms',
      of: (result) => result.steps?.['POST /login']?.p95,
      below: 200,
    },
    {
      label: 'POST /second-step p95',
      unit: ' ms',
      of: (result) => result.steps?.['POST /second-step']?.p95,
      below: 200,
    },
  ],
};
