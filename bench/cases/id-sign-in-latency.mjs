import { startSignInTarget } from './id-sign-in.mjs';

/** The load the latency target is set for: 30 sign-ins/s, by the run's users together. */
const SIGN_INS_PER_SECOND = 30;

/** @type {import('../lib/cases.mjs').BenchCase} */
export default {
  name: 'id-sign-in-latency',
  description: `VixenHealth ID sign-in through the form at ${SIGN_INS_PER_SECOND} sign-ins/s, started by the concurrent users in turns: how long a person waits at that load`,
  scenario: new URL('../scenarios/id-sign-in.mjs', import.meta.url),
  async start() {
    return { ...(await startSignInTarget()), pace: SIGN_INS_PER_SECOND };
  },
  goals: [
    {
      label: 'POST /login p95',
      unit: ' ms',
      of: (result) => result.steps?.['POST /login']?.p95,
      below: 200,
    },
  ],
};
