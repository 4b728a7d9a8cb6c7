/**
 * One case's outcome, as printed and as saved.
 * @typedef {object} Row
 * @property {string} name
 * @property {string} description
 * @property {import('./load.mjs').LoadResult | null} result null when the case never got loaded
 * @property {import('./load.mjs').LoadResult | null} baseline
 * @property {number | null} ratio the case's requests/s over the baseline's
 * @property {string[]} problems why the row failed; empty when it did not
 */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** @param {number | null | undefined} value @param {Intl.NumberFormat} format */
const show = (value, format) =>
  value === null || value === undefined ? '-' : format.format(value);

const COLUMNS = ['case', 'req/s', 'p50 ms', 'p99 ms', 'baseline req/s', 'ratio', 'status'];

/** @param {Row} row @returns {string[]} */
const cells = (row) => [
  row.name,
  show(row.result?.requestsPerSecond, integer),
  show(row.result?.p50, decimal),
  show(row.result?.p99, decimal),
  show(row.baseline?.requestsPerSecond, integer),
  // Significant digits, not decimals: a framework on a database may be a fraction of a percent.
  row.ratio === null ? '-' : row.ratio.toPrecision(2),
  row.problems.length === 0 ? 'ok' : 'FAILED',
];

/**
 * The rows as an aligned text table: names to the left, numbers to the right.
 * @param {Row[]} rows
 * @returns {string}
 */
export const formatTable = (rows) => {
  const lines = [COLUMNS, ...rows.map(cells)];
  const widths = COLUMNS.map((_, i) => Math.max(...lines.map((line) => line[i].length)));
  const format = (/** @type {string[]} */ line) =>
    line
      .map((cell, i) =>
        i === 0 || i === line.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [format(COLUMNS), rule, ...rows.map((row) => format(cells(row)))].join('\n');
};
