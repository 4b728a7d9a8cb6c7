// Runs the benchmark cases in bench/cases/ (all, or those named on the command line) and prints
// one row per case next to a baseline measured in the same run. See bench/README.md.
import os from 'node:os';

import { startBaseline } from './lib/baseline.mjs';
import { loadCases } from './lib/cases.mjs';
import { checkGoals } from './lib/goals.mjs';
import { load, loadSettings } from './lib/load.mjs';
import { problemsOf } from './lib/measurement.mjs';
import { requestOnce } from './lib/request-once.mjs';
import { saveResults } from './lib/results.mjs';
import { runScenario } from './lib/scenario.mjs';
import { formatGoals, formatTable } from './lib/table.mjs';

/** @typedef {import('./lib/measurement.mjs').Measurement} Measurement */
/** @typedef {import('./lib/load.mjs').LoadSettings} LoadSettings */
/** @typedef {Omit<import('./lib/load.mjs').LoadRequest, 'url'> & { path: string }} CaseRequest */

/**
 * A case whose target is running, whatever its kind: what the harness needs to measure it.
 * @typedef {object} Started
 * @property {() => Promise<void>} check throws, saying why, unless the target answers as meant
 * @property {CaseRequest} baseline what the baseline repeats, at the same concurrency
 * @property {(duration: number) => Promise<Measurement>} run loads the target for `duration` s
 * @property {LoadSettings} settings the load of both runs: a scenario case may pin its users
 * @property {boolean} warmup false when the case skips the target's warm-up run
 * @property {() => Promise<void>} stop
 */

const VERIFY_TIMEOUT_MS = 30_000;

/** Progress goes to stderr, so that stdout holds the report alone. */
const progress = (/** @type {string} */ message) => console.error(`bench: ${message}`);

/**
 * Repeats `request` against `origin` with autocannon.
 * @param {string} origin
 * @param {CaseRequest} request
 * @param {LoadSettings} settings
 * @param {number} duration
 */
const loadRequest = (origin, { path, ...request }, settings, duration) =>
  load({ ...request, url: new URL(path, origin).href }, { ...settings, duration });

/**
 * A request case: its check is one request handed to its `verify()`; the baseline repeats the same
 * request (path, method, headers, body).
 * @param {import('./lib/cases.mjs').RequestCase} benchCase
 * @param {LoadSettings} settings
 * @returns {Promise<Started>}
 */
const startRequestCase = async (benchCase, settings) => {
  const { url, path, method, headers, body, stop } = await benchCase.start();
  const request = { path, method, headers, body };
  return {
    async check() {
      // Bounded, as a target that hangs must fail the case, not the run.
      const signal = AbortSignal.timeout(VERIFY_TIMEOUT_MS);
      await benchCase.verify(
        await requestOnce(new URL(path, url), { method, headers, body, signal })
      );
    },
    baseline: request,
    run: (duration) => loadRequest(url, request, settings, duration),
    settings,
    warmup: true,
    stop,
  };
};

/**
 * A scenario case: its check is one iteration by one user; its operations are iterations, by as
 * many users as the load has connections (or as the case pins); the baseline is the hello
 * world's own page, at as many connections.
 * @param {import('./lib/cases.mjs').ScenarioCase} benchCase
 * @param {LoadSettings} defaults
 * @returns {Promise<Started>}
 */
const startScenarioCase = async (benchCase, defaults) => {
  const target = await benchCase.start();
  const settings = { ...defaults, connections: target.users ?? defaults.connections };
  return {
    async check() {
      const once = { duration: VERIFY_TIMEOUT_MS / 1000, users: 1, maxIterations: 1 };
      const [problem] = problemsOf('check', await runScenario(benchCase.scenario, target, once));
      if (problem) throw new Error(problem);
    },
    baseline: { path: '/' },
    run: (duration) =>
      runScenario(benchCase.scenario, target, { duration, users: settings.connections }),
    settings,
    warmup: target.warmup ?? true,
    stop: target.stop,
  };
};

/**
 * A warm-up, so that the JIT and caches are warm, then the measured run. The warm-up's numbers are
 * dropped, its problems are not.
 * @param {string} label
 * @param {(duration: number) => Promise<Measurement>} run
 * @param {LoadSettings} settings
 * @param {string[]} problems collects the problems of both runs
 */
const measure = async (label, run, settings, problems) => {
  if (settings.warmup > 0) {
    progress(`${label}: warming up for ${settings.warmup} s`);
    problems.push(...problemsOf(`${label} warm-up`, await run(settings.warmup)));
  }
  progress(`${label}: measuring for ${settings.duration} s`);
  const result = await run(settings.duration);
  problems.push(...problemsOf(label, result));
  return result;
};

/**
 * Starts a case's target, checks its answer, measures the baseline with the same request and load
 * right before the case, then the case; the target is stopped whatever happens.
 * @param {import('./lib/cases.mjs').BenchCase} benchCase
 * @param {LoadSettings} settings
 * @returns {Promise<import('./lib/table.mjs').Row>}
 */
const runCase = async (benchCase, settings) => {
  const { name, description, goals = [] } = benchCase;
  const kind = 'scenario' in benchCase ? 'scenario' : 'request';
  /** @type {import('./lib/table.mjs').Row} */
  const row = {
    name,
    description,
    kind,
    result: null,
    baseline: null,
    ratio: null,
    goals: [],
    problems: [],
  };
  try {
    progress(`${name}: starting the target`);
    const started =
      'scenario' in benchCase
        ? await startScenarioCase(benchCase, settings)
        : await startRequestCase(benchCase, settings);
    try {
      await started.check();
      const baseline = await startBaseline();
      try {
        const hello = (/** @type {number} */ duration) =>
          loadRequest(baseline.url, started.baseline, started.settings, duration);
        row.baseline = await measure('baseline', hello, started.settings, row.problems);
      } finally {
        await baseline.stop();
      }
      const target = started.warmup ? started.settings : { ...started.settings, warmup: 0 };
      row.result = await measure('target', started.run, target, row.problems);
      row.ratio = row.result.perSecond / row.baseline.perSecond;
    } finally {
      await started.stop();
    }
  } catch (error) {
    row.problems.push(error instanceof Error ? error.message : String(error));
  }
  row.goals = checkGoals(goals, row.result, row.baseline);
  return row;
};

const main = async () => {
  const startedAt = new Date();
  const settings = loadSettings();
  const cases = await loadCases(process.argv.slice(2));

  console.log(
    `VixenHealth benchmarks: ${settings.connections} connections, ${settings.duration} s per run ` +
      `after ${settings.warmup} s of warm-up; node ${process.version}, ${os.availableParallelism()} CPUs`
  );
  const rows = [];
  for (const benchCase of cases) rows.push(await runCase(benchCase, settings));

  console.log(`\n${formatTable(rows)}\n`);
  const goals = formatGoals(rows);
  // Reported, never failed: the numbers depend on the machine.
  if (goals) console.log(`Targets:\n${goals}\n`);
  for (const row of rows) {
    for (const problem of row.problems) console.error(`FAILED ${row.name}: ${problem}`);
  }
  const file = await saveResults(startedAt, {
    startedAt: startedAt.toISOString(),
    node: process.version,
    cpus: os.availableParallelism(),
    settings,
    rows,
  });
  console.log(`Saved ${file}`);
  if (rows.some((row) => row.problems.length > 0)) process.exitCode = 1;
};

try {
  await main();
} catch (error) {
  // Bad settings or an unknown case name: no stack trace needed.
  console.error(`bench: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 2;
}
