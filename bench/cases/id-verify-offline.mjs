import { startCms } from '../lib/cms-target.mjs';
import { API_AUDIENCE, clientCredentialsRequest, readAccessToken } from '../lib/id.mjs';

/** Distinct tokens verified in turns: real ones, from the running ID. */
const TOKENS = 16;

/** @type {import('../lib/cases.mjs').BenchCase} */
export default {
  name: 'id-verify-offline',
  description:
    'Offline verification of ES256 access tokens issued by VixenHealth ID (@vixenhealth/sso/verify, keys cached), on one CPU: what an API pays per request',
  scenario: new URL('../scenarios/id-verify-offline.mjs', import.meta.url),

  async start() {
    const { url, issuer, secrets, stop } = await startCms();
    try {
      const request = clientCredentialsRequest(secrets.demoClientSecret);
      const tokens = [];
      for (let i = 0; i < TOKENS; i += 1) {
        const signal = AbortSignal.timeout(10_000);
        tokens.push(await readAccessToken(await fetch(`${issuer}/token`, { ...request, signal })));
      }
      // Pinned: the target is throughput per CPU, worker threads (WebCrypto's) included.
      return { url, stop, options: { issuer, audience: API_AUDIENCE, tokens }, oneCpu: true };
    } catch (error) {
      await stop();
      throw error;
    }
  },

  goals: [
    { label: 'verifications/s on one CPU', of: (result) => result.perSecond, atLeast: 10_000 },
  ],
};
