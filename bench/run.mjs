// Runs the benchmark cases in bench/cases/ (all, or those named on the command line) and prints
// one row per case next to a baseline measured in the same run. See bench/README.md.
import os from 'node:os';

import { startBaseline } from './lib/baseline.mjs';
import { loadCases } from './lib/cases.mjs';
import { load, loadSettings } from './lib/load.mjs';
import { saveResults } from './lib/results.mjs';
import { formatTable } from './lib/table.mjs';

/** @typedef {import('./lib/load.mjs').LoadResult} LoadResult */
/** @typedef {import('./lib/load.mjs').LoadSettings} LoadSettings */
/** @typedef {Omit<import('./lib/load.mjs').LoadRequest, 'url'> & { path: string }} CaseRequest */

const VERIFY_TIMEOUT_MS = 30_000;

/** Progress goes to stderr, so that stdout holds the report alone. */
const progress = (/** @type {string} */ message) => console.error(`bench: ${message}`);

/**
 * Why a run cannot be trusted: a server that fails or refuses requests is fast for the wrong
 * reasons, so such a run fails the case instead of being averaged in.
 * @param {string} label
 * @param {LoadResult} result
 */
const problemsOf = (label, result) => [
  ...(result.errors > 0 ? [`${label}: ${result.errors} connection errors or timeouts`] : []),
  ...(result.non2xx > 0 ? [`${label}: ${result.non2xx} non-2xx responses`] : []),
  ...(result.requests === 0 ? [`${label}: no response at all`] : []),
];

/**
 * A warm-up, so that the JIT and caches are warm, then the measured run. The warm-up's numbers are
 * dropped, its problems are not.
 * @param {string} label
 * @param {string} origin
 * @param {CaseRequest} request
 * @param {LoadSettings} settings
 * @param {string[]} problems collects the problems of both runs
 */
const measure = async (label, origin, { path, ...request }, settings, problems) => {
  const loaded = { ...request, url: new URL(path, origin).href };
  if (settings.warmup > 0) {
    progress(`${label}: warming up for ${settings.warmup} s`);
    problems.push(
      ...problemsOf(
        `${label} warm-up`,
        await load(loaded, { ...settings, duration: settings.warmup })
      )
    );
  }
  progress(`${label}: measuring for ${settings.duration} s`);
  const result = await load(loaded, settings);
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
  const { name, description } = benchCase;
  /** @type {import('./lib/table.mjs').Row} */
  const row = { name, description, result: null, baseline: null, ratio: null, problems: [] };
  try {
    progress(`${name}: starting the target`);
    const target = await benchCase.start();
    const { url, path, method, headers, body } = target;
    try {
      const request = { path, method, headers, body };
      // Bounded, as a target that hangs must fail the case, not the run.
      const signal = AbortSignal.timeout(VERIFY_TIMEOUT_MS);
      await benchCase.verify(await fetch(new URL(path, url), { method, headers, body, signal }));

      const baseline = await startBaseline();
      try {
        row.baseline = await measure('baseline', baseline.url, request, settings, row.problems);
      } finally {
        await baseline.stop();
      }
      row.result = await measure('target', url, request, settings, row.problems);
      row.ratio = row.result.requestsPerSecond / row.baseline.requestsPerSecond;
    } finally {
      await target.stop();
    }
  } catch (error) {
    row.problems.push(error instanceof Error ? error.message : String(error));
  }
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
