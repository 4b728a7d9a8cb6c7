import { startClinicSite } from '../lib/clinic-site-target.mjs';
import { startCms } from '../lib/cms-target.mjs';

/** A clinic of the demo data, named by the Host header as a browser names it. */
const HOST = 'lisya-tropa.localhost';

/** @type {import('../lib/cases.mjs').BenchCase} */
export default {
  name: 'sites-ssr-home',
  description:
    'A clinic site’s home page rendered on request (GET / with a demo clinic’s Host header), by the clinic sites’ SSR server on the demo data: what every patient opening a clinic’s site waits for',

  async start() {
    const cms = await startCms();
    try {
      const site = await startClinicSite(cms.url);
      const stop = async () => {
        await site.stop();
        await cms.stop();
      };
      return { url: site.url, stop, path: '/', headers: { host: HOST } };
    } catch (error) {
      await cms.stop();
      throw error;
    }
  },

  async verify(response) {
    const text = await response.text();
    if (response.status !== 200 || !/<h1>[^<]+<\/h1>/.test(text)) {
      throw new Error(
        `expected ${HOST}'s home page, got ${response.status}: ${text.slice(0, 200)}`
      );
    }
  },

  goals: [
    {
      label: 'req/s over the baseline’s',
      of: (result, baseline) => (baseline ? result.perSecond / baseline.perSecond : undefined),
      atLeast: 0.3,
    },
    { label: 'p99', unit: ' ms', of: (result) => result.p99, below: 50 },
  ],
};
