/**
 * The metrics' notion of now. Tests move it (a second day, a retention deadline) through the
 * `clock` service; nothing else sets it.
 */
export interface MetricsClock {
  now(): Date;
  /** Fixes the time (a test's clock); `null` returns to the real one. */
  set(at: Date | null): void;
}

export const createClock = (): MetricsClock => {
  let fixed: Date | null = null;
  return {
    now: () => (fixed ? new Date(fixed) : new Date()),
    set: (at) => {
      fixed = at ? new Date(at) : null;
    },
  };
};
