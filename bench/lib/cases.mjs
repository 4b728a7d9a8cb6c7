import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * What a case module in bench/cases/ exports as default: the contract between the harness and a
 * case. The case owns its target (boot, check, stop); the harness owns the load, the baseline and
 * the report. A case is of one of two kinds:
 * - a {@link RequestCase} has autocannon repeat one request;
 * - a {@link ScenarioCase} has virtual users repeat a scenario: steps one request cannot show.
 * @typedef {RequestCase | ScenarioCase} BenchCase
 */

/**
 * @typedef {object} RequestCase
 * @property {string} name the file's name without `.mjs`: what `npm run bench -- <name>` selects
 * @property {string} description one line: what is loaded, and why it is worth measuring
 * @property {() => Promise<Target>} start boots the target, ready to answer
 * @property {(response: Response) => Promise<void>} verify throws, saying why, unless `response`
 *   (to one request sent before any load) is the answer the case is meant to measure
 * @property {import('./goals.mjs').Goal[]} [goals] numbers to reach, printed under the table
 */

/**
 * A running target, and the one request to repeat against it. The request must be repeatable:
 * every repetition has to answer 2xx, or the run fails. The baseline gets the same request.
 * @typedef {object} Target
 * @property {string} url the origin, `http://127.0.0.1:<port>`
 * @property {string} path path and query, e.g. `/api/clinics?populate=*`
 * @property {string} [method] GET unless set
 * @property {Record<string, string>} [headers]
 * @property {string} [body]
 * @property {() => Promise<void>} stop ends everything `start` started; called exactly once
 */

/**
 * @typedef {object} ScenarioCase
 * @property {string} name
 * @property {string} description
 * @property {URL} scenario the scenario module, run in a child process (see scenario.mjs); one
 *   iteration by one user, before any load, is the case's check
 * @property {() => Promise<import('./scenario.mjs').ScenarioTarget>} start boots the target
 * @property {import('./goals.mjs').Goal[]} [goals]
 */

const CASES_DIR = path.resolve(import.meta.dirname, '../cases');

/** @param {unknown} value @param {string} file @returns {BenchCase} */
const checked = (value, file) => {
  const benchCase = /** @type {Record<string, unknown>} */ (value ?? {});
  const fail = (/** @type {string} */ message) => {
    throw new Error(`bench/cases/${file}: default export ${message}.`);
  };
  const expectedName = path.basename(file, '.mjs');
  if (benchCase.name !== expectedName) fail(`needs name "${expectedName}"`);
  const isScenario = benchCase.scenario !== undefined;
  if (isScenario && !(benchCase.scenario instanceof URL)) fail('needs a URL as scenario');
  for (const key of isScenario ? ['start'] : ['start', 'verify']) {
    if (typeof benchCase[key] !== 'function') fail(`needs a ${key}() function`);
  }
  const goals = /** @type {Partial<import('./goals.mjs').Goal>[]} */ (benchCase.goals ?? []);
  for (const goal of goals) {
    if (typeof goal.of !== 'function' || (goal.atLeast ?? goal.below) === undefined) {
      fail(`has a goal "${goal.label}" without of() and atLeast or below`);
    }
  }
  return /** @type {BenchCase} */ (/** @type {unknown} */ (benchCase));
};

/**
 * The cases in bench/cases/, in name order; only the ones named in `names`, if any.
 * @param {string[]} names
 * @returns {Promise<BenchCase[]>}
 */
export const loadCases = async (names) => {
  const files = (await readdir(CASES_DIR)).filter((file) => file.endsWith('.mjs')).sort();
  const available = files.map((file) => path.basename(file, '.mjs'));
  const unknown = names.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    throw new Error(`No such case: ${unknown.join(', ')}. Cases: ${available.join(', ')}.`);
  }
  const selected = names.length > 0 ? files.filter((_, i) => names.includes(available[i])) : files;
  return Promise.all(
    selected.map(async (file) => {
      const module = await import(pathToFileURL(path.join(CASES_DIR, file)).href);
      return checked(module.default, file);
    })
  );
};
