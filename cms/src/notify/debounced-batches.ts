interface Open<Batch> {
  batch: Batch;
  timer: NodeJS.Timeout;
}

export interface DebouncedBatches<Batch> {
  /**
   * The batch still collecting for `key`, opened (with `open()`) when there is none; either way
   * its flush waits the whole delay again, so a burst of changes makes one batch.
   */
  collect(key: string, open: () => Batch): Batch;
}

/**
 * Collects changes per key into batches, each flushed once no change came for `delayMs`: the
 * debounce of clinic deploys (`SITE_DEPLOYS_DEBOUNCE_MS`) and of the docs' rebuilds
 * (`DOCS_REBUILD_DEBOUNCE_MS`). A change after the flush opens the next batch.
 *
 * @example
 * ```ts
 * const rebuilds = debouncedBatches<Set<string>>(1500, (_key, slugs) => post([...slugs]));
 * rebuilds.collect('docs', () => new Set()).add('clinics/booking-widget');
 * ```
 */
export const debouncedBatches = <Batch>(
  delayMs: number,
  flush: (key: string, batch: Batch) => void
): DebouncedBatches<Batch> => {
  const open = new Map<string, Open<Batch>>();
  return {
    collect(key, start) {
      const existing = open.get(key);
      if (existing) {
        existing.timer.refresh();
        return existing.batch;
      }
      const entry: Open<Batch> = {
        batch: start(),
        timer: setTimeout(() => {
          open.delete(key);
          flush(key, entry.batch);
        }, delayMs),
      };
      open.set(key, entry);
      return entry.batch;
    },
  };
};
