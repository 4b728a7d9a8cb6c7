/**
 * What one measured run yields, whatever produced the load: autocannon repeating a request, or a
 * scenario's virtual users. An operation is a request, or one iteration of a scenario.
 * @typedef {object} Measurement
 * @property {number} perSecond operations completed per second
 * @property {number} count operations completed in total
 * @property {number} [items] what a scenario's iterations said they produced (pages written by a
 *   build), in all; only when they say so
 * @property {number} [itemsPerSecond] `items` over the same time as `perSecond`
 * @property {number} p50 latency of an operation, in ms
 * @property {number} p95
 * @property {number} p99
 * @property {number} errors connection errors and timeouts, or failed scenario iterations
 * @property {number} non2xx answers with any status outside 200-299 (autocannon only)
 * @property {string[]} [failures] a scenario's first distinct reasons for failed iterations
 * @property {Record<string, import('./latency.mjs').Latency>} [steps] a scenario's timed steps
 * @property {string[]} [notes] how the run was made, where it matters to read it
 */

/**
 * Why a run cannot be trusted: a server that fails or refuses requests is fast for the wrong
 * reasons, so such a run fails the case instead of being averaged in.
 * @param {string} label
 * @param {Measurement} result
 * @returns {string[]}
 */
export const problemsOf = (label, result) => [
  ...(result.errors > 0
    ? [
        `${label}: ${result.errors} connection errors, timeouts or failed iterations` +
          (result.failures?.length ? ` (${result.failures.join('; ')})` : ''),
      ]
    : []),
  ...(result.non2xx > 0 ? [`${label}: ${result.non2xx} non-2xx responses`] : []),
  ...(result.count === 0 ? [`${label}: nothing completed at all`] : []),
];
