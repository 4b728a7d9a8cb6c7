/** Median and nearest-rank 90th percentile; null for no values. */
export const medianAndP90 = (values: number[]): { median: number | null; p90: number | null } => {
  if (values.length === 0) return { median: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, p90: sorted[Math.ceil(sorted.length * 0.9) - 1] };
};
