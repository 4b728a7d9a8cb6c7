import { startCms } from '../lib/cms-target.mjs';

/** The demo network has more; fewer means the seed, or the public read rules, broke. */
const MIN_CLINICS = 3;

/** @type {import('../lib/cases.mjs').BenchCase} */
export default {
  name: 'cms-clinics',
  description:
    'Anonymous GET /api/clinics?populate=* on the demo data: the CMS public read path, relations included',

  async start() {
    const { url, stop } = await startCms();
    return { url, stop, path: '/api/clinics?populate=*' };
  },

  async verify(response) {
    const text = await response.text();
    if (response.status !== 200) {
      throw new Error(
        `expected 200 from /api/clinics, got ${response.status}: ${text.slice(0, 200)}`
      );
    }
    const { data } = JSON.parse(text);
    const count = Array.isArray(data) ? data.length : 0;
    if (count < MIN_CLINICS) {
      throw new Error(`expected at least ${MIN_CLINICS} clinics in the demo data, got ${count}`);
    }
  },
};
