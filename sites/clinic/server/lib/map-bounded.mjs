/**
 * `run` over every item, at most `limit` at a time, results in the items' order. The first
 * failure rejects at once; runs under way finish, none starts after it.
 * @template T, R
 * @param {readonly T[]} items
 * @param {number} limit
 * @param {(item: T) => Promise<R>} run
 * @returns {Promise<R[]>}
 */
export const mapBounded = async (items, limit, run) => {
  /** @type {R[]} */
  const results = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await run(items[index]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};
