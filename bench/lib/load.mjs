import { startChild } from './child.mjs';

/**
 * @typedef {object} LoadSettings
 * @property {number} duration seconds of load in a measured run
 * @property {number} warmup seconds of load before it, not measured (0 for none)
 * @property {number} connections concurrent keep-alive connections
 */

/**
 * One request, repeated for the whole run.
 * @typedef {object} LoadRequest
 * @property {string} url absolute, on 127.0.0.1
 * @property {string} [method]
 * @property {Record<string, string>} [headers]
 * @property {string} [body]
 */

/**
 * @param {string | undefined} raw
 * @param {string} name
 * @param {{ fallback: number, min: number, max: number }} bounds
 */
const boundedInteger = (raw, name, { fallback, min, max }) => {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, not "${raw}".`);
  }
  return value;
};

/**
 * The load every run of this process uses, from the environment. Bounded, so that a typo cannot
 * start an hour-long run or open thousands of sockets.
 * @returns {LoadSettings}
 */
export const loadSettings = (env = process.env) => ({
  duration: boundedInteger(env.BENCH_DURATION, 'BENCH_DURATION', {
    fallback: 10,
    min: 1,
    max: 120,
  }),
  warmup: boundedInteger(env.BENCH_WARMUP, 'BENCH_WARMUP', { fallback: 2, min: 0, max: 30 }),
  connections: boundedInteger(env.BENCH_CONNECTIONS, 'BENCH_CONNECTIONS', {
    fallback: 20,
    min: 1,
    max: 200,
  }),
});

/**
 * Loads `request` for `duration` seconds from a child process: the load generator needs a CPU
 * of its own, and must not slow down (or be slowed down by) anything in this process.
 * @param {LoadRequest} request
 * @param {{ duration: number, connections: number }} settings
 * @returns {Promise<import('./measurement.mjs').Measurement>}
 */
export const load = async (request, { duration, connections }) => {
  if (new URL(request.url).hostname !== '127.0.0.1') {
    throw new Error(`Refusing to load ${request.url}: benchmarks only ever load 127.0.0.1.`);
  }
  const worker = await startChild(new URL('./load-worker.mjs', import.meta.url), {
    label: 'load generator',
    args: [JSON.stringify({ ...request, duration, connections })],
    // The run itself plus time to connect and to gather the histogram.
    timeoutMs: (duration + 30) * 1000,
  });
  await worker.stop();
  return worker.report.result;
};
