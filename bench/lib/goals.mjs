/**
 * A number a case is meant to reach, from the requirements. Missing one is reported, not failed:
 * the numbers depend on the machine, its load and its CPUs.
 * @typedef {object} Goal
 * @property {string} label what is compared, e.g. `grants/s` or `POST /login p95`
 * @property {string} [unit] printed after the numbers, e.g. ` ms`
 * @property {(result: Measurement, baseline: Measurement | null) => number | undefined} of the
 *   number compared, from the case's run and the baseline's run before it
 * @property {number} [atLeast] met when the number is this or more
 * @property {number} [below] met when the number is less than this
 */

/** @typedef {import('./measurement.mjs').Measurement} Measurement */

/**
 * A goal, checked against a measured run.
 * @typedef {object} GoalOutcome
 * @property {string} label
 * @property {string} unit
 * @property {number | null} value null when the run never happened
 * @property {'≥' | '<'} comparison
 * @property {number} limit
 * @property {boolean} met
 */

/**
 * @param {Goal[]} goals
 * @param {Measurement | null} result
 * @param {Measurement | null} baseline
 * @returns {GoalOutcome[]}
 */
export const checkGoals = (goals, result, baseline) =>
  goals.map(({ label, unit = '', of, atLeast, below }) => {
    const value = result === null ? null : (of(result, baseline) ?? null);
    const comparison = atLeast === undefined ? '<' : '≥';
    // cases.mjs checked that one of them is set.
    const limit = /** @type {number} */ (atLeast ?? below);
    const met = value !== null && (comparison === '≥' ? value >= limit : value < limit);
    return { label, unit, value, comparison, limit, met };
  });
