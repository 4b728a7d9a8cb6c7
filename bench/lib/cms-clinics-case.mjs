import { startCms } from './cms-target.mjs';

/** The demo network has more; fewer means the seed, or the public read rules, broke. */
const MIN_CLINICS = 3;

const PATH = '/api/clinics?populate=*';

/**
 * Anonymous `GET /api/clinics?populate=*` on the demo data, with the public cache on or off.
 * @param {{ name: string, description: string, env?: Record<string, string>, goals: import('./goals.mjs').Goal[] }} options
 * @returns {import('./cases.mjs').BenchCase}
 */
export const cmsClinicsCase = ({ name, description, env = {}, goals }) => ({
  name,
  description,

  async start() {
    const { url, stop } = await startCms({ env });
    return { url, stop, path: PATH };
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

  goals,
});
