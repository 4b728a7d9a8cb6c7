import { startChild } from './child.mjs';
import { pinnableCpu } from './cpu-pin.mjs';

/**
 * A scenario module's default export, for what one request cannot show (a sign-in is five, each
 * depending on the one before; a verification is no request at all). It runs in a child process
 * of its own, the load generator's place: it gets the target's origin and the options its case
 * chose, prepares what it needs once, and returns one iteration of one virtual user.
 * @typedef {(context: { url: string, options: any }) => Promise<Iteration>} Scenario
 */

/**
 * One iteration: it must throw, saying why, unless every answer is the one meant to be measured.
 * Many run at once, one per virtual user, each in a loop. Every wait in it must be bounded.
 * @callback Iteration
 * @param {Step} step times a named part of the iteration, reported next to the whole
 * @returns {Promise<void | number>} optionally, how many items the iteration produced (pages
 *   written by a build), summed as the run's `items`, for a rate of items rather than iterations
 */

/**
 * @callback Step
 * @param {string} name
 * @param {() => Promise<any>} run
 * @returns {Promise<any>} what `run` returned
 */

/**
 * What a scenario case's `start()` returns: a running target and how to run the scenario on it.
 * @typedef {object} ScenarioTarget
 * @property {string} url the origin, `http://127.0.0.1:<port>`
 * @property {Record<string, unknown>} [options] handed to the scenario, as JSON
 * @property {boolean} [oneCpu] pins the scenario's process to one CPU, for throughput per core
 * @property {number} [pace] iterations per second the users start together, for latency at a
 *   given load: each user waits for its turn instead of starting again at once (a user behind
 *   its schedule starts at once until it has caught up, so the rate holds)
 * @property {number} [users] virtual users, whatever `BENCH_CONNECTIONS` says, for a case whose
 *   iteration cannot sensibly run many times at once (a whole site build takes both CPUs); the
 *   baseline gets as many connections
 * @property {number} [iterationSeconds] the longest one iteration may take (60 unless set): the
 *   run is given its duration plus this to end, the iterations still under way at its end included
 * @property {boolean} [warmup] false skips the warm-up run of the target: where an iteration is
 *   a fresh process (a build), nothing is warmed that the check's iteration did not warm already
 * @property {() => Promise<void>} stop ends everything `start` started; called exactly once
 */

/**
 * Runs the scenario `module` against `target` from a child process: `users` virtual users, each
 * repeating the iteration until `duration` seconds are over or `maxIterations` in all are done.
 * @param {URL} module
 * @param {ScenarioTarget} target
 * @param {{ duration: number, users: number, maxIterations?: number }} run
 * @returns {Promise<import('./measurement.mjs').Measurement>}
 */
export const runScenario = async (
  module,
  { url, options = {}, oneCpu = false, pace, users, iterationSeconds = 60 },
  run
) => {
  if (new URL(url).hostname !== '127.0.0.1') {
    throw new Error(`Refusing to load ${url}: benchmarks only ever load 127.0.0.1.`);
  }
  const cpu = oneCpu ? pinnableCpu() : null;
  const worker = await startChild(new URL('./scenario-worker.mjs', import.meta.url), {
    label: 'scenario',
    args: [JSON.stringify({ module: module.href, url, options, pace, ...run })],
    // The run, the iterations still under way at its end, and starting up.
    timeoutMs: (run.duration + iterationSeconds) * 1000,
    cpu: cpu ?? undefined,
  });
  await worker.stop();
  /** @type {import('./measurement.mjs').Measurement} */
  const result = worker.report.result;
  if (oneCpu) {
    result.notes = [cpu === null ? 'not pinned to one CPU: no taskset' : `pinned to CPU ${cpu}`];
  }
  if (pace !== undefined && run.maxIterations === undefined) {
    (result.notes ??= []).push(`${run.users} users paced to ${pace} iterations/s together`);
  }
  if (users !== undefined && run.maxIterations === undefined) {
    (result.notes ??= []).push(`${users} user(s), pinned by the case, whatever BENCH_CONNECTIONS`);
  }
  return result;
};
