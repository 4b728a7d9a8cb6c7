/**
 * One case's outcome, as printed and as saved.
 * @typedef {object} Row
 * @property {string} name
 * @property {string} description
 * @property {'request' | 'scenario'} kind what an operation is: a request, or a scenario iteration
 * @property {import('./measurement.mjs').Measurement | null} result null when never measured
 * @property {import('./measurement.mjs').Measurement | null} baseline
 * @property {number | null} ratio the case's operations/s over the baseline's requests/s
 * @property {import('./goals.mjs').GoalOutcome[]} goals
 * @property {string[]} problems why the row failed; empty when it did not
 */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
// Below 10 ms, two significant digits: an offline verification takes a fraction of one.
const small = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 });

/** @param {number | null | undefined} value */
const count = (value) => (value === null || value === undefined ? '-' : integer.format(value));

/** @param {number | null | undefined} value */
const figure = (value) =>
  value === null || value === undefined ? '-' : (value < 10 ? small : integer).format(value);

const COLUMNS = [
  'case',
  'ops/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'baseline req/s',
  'ratio',
  'status',
];

/** @param {Row} row @returns {string[][]} the row, then one line per timed step of a scenario */
const lines = (row) => [
  [
    row.name,
    // A build case does a fraction of an operation a second: its digits still matter.
    figure(row.result?.perSecond),
    figure(row.result?.p50),
    figure(row.result?.p95),
    figure(row.result?.p99),
    count(row.baseline?.perSecond),
    // Significant digits, not decimals: a framework on a database may be a fraction of a percent.
    row.ratio === null ? '-' : row.ratio.toPrecision(2),
    row.problems.length === 0 ? 'ok' : 'FAILED',
  ],
  ...Object.entries(row.result?.steps ?? {}).map(([step, latency]) => [
    `  ${step}`,
    '',
    figure(latency.p50),
    figure(latency.p95),
    figure(latency.p99),
    '',
    '',
    '',
  ]),
];

/**
 * The rows as an aligned text table: names to the left, numbers to the right; a scenario's steps
 * indented under its row, with their latency only.
 * @param {Row[]} rows
 * @returns {string}
 */
export const formatTable = (rows) => {
  const body = rows.flatMap(lines);
  const widths = COLUMNS.map((_, i) =>
    Math.max(...[COLUMNS, ...body].map((line) => line[i].length))
  );
  const format = (/** @type {string[]} */ line) =>
    line
      .map((cell, i) =>
        i === 0 || i === line.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [format(COLUMNS), rule, ...body.map(format)].join('\n');
};

/** @param {import('./goals.mjs').GoalOutcome} goal */
const formatGoal = ({ label, unit, value, comparison, limit, met }) => {
  const target = `target ${comparison} ${figure(limit)}${unit}`;
  if (value === null) return `${label} not measured (${target})`;
  return `${label} ${figure(value)}${unit} (${target}) ${met ? '✓' : '✗ MISSED'}`;
};

/**
 * One line per case with goals: each number next to its target, met or not, and how the run was
 * made where that matters (a CPU it was pinned to). Empty when no case has goals.
 * @param {Row[]} rows
 * @returns {string}
 */
export const formatGoals = (rows) =>
  rows
    .filter((row) => row.goals.length > 0)
    .map((row) =>
      [`${row.name}: ${row.goals.map(formatGoal).join(', ')}`, ...(row.result?.notes ?? [])].join(
        '; '
      )
    )
    .join('\n');
