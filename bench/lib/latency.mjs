import { createHistogram } from 'node:perf_hooks';

/**
 * Latency percentiles, in milliseconds.
 * @typedef {object} Latency
 * @property {number} p50
 * @property {number} p95
 * @property {number} p99
 */

/**
 * A latency histogram: every case's percentiles come from one of these, whatever produced the
 * load, so that they mean the same in every row. Microsecond resolution.
 */
export const createLatency = () => {
  const histogram = createHistogram();
  return {
    /** @param {number} ms */
    record(ms) {
      // The histogram takes positive integers only.
      histogram.record(Math.max(1, Math.round(ms * 1000)));
    },
    /** @returns {Latency} */
    summary() {
      const at = (/** @type {number} */ percentile) =>
        histogram.count === 0 ? 0 : histogram.percentile(percentile) / 1000;
      return { p50: at(50), p95: at(95), p99: at(99) };
    },
  };
};
