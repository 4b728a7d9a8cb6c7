import { startCms } from '../lib/cms-target.mjs';
import { clientCredentialsRequest, readAccessToken } from '../lib/id.mjs';

/** @type {import('../lib/cases.mjs').BenchCase} */
export default {
  name: 'id-client-credentials',
  description:
    'VixenHealth ID token endpoint: client-credentials grants for the demo service (Basic auth), each a fresh ES256 access token',

  async start() {
    const { url, issuer, secrets, stop } = await startCms();
    const path = new URL(`${issuer}/token`).pathname;
    return { url, stop, path, ...clientCredentialsRequest(secrets.demoClientSecret) };
  },

  async verify(response) {
    await readAccessToken(response);
  },

  goals: [{ label: 'grants/s', of: (result) => result.perSecond, atLeast: 1000 }],
};
