/** How many failures a key (an account or an IP address) may have before it must wait. */
export interface ThrottleRule {
  /** Failures allowed without any wait. */
  freeFailures: number;
  /** Failures after which the key is locked out for `lockoutMs`. */
  lockoutAfter: number;
  lockoutMs: number;
  /** The wait after the first failure over the free ones; it doubles with each further failure. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const WINDOW_MS = 15 * 60 * 1000;

export const ACCOUNT_RULE: ThrottleRule = {
  freeFailures: 3,
  lockoutAfter: 10,
  lockoutMs: 15 * 60 * 1000,
  firstDelayMs: 2000,
  maxDelayMs: 5 * 60 * 1000,
};

/** An address may be a whole clinic behind one NAT: it gets more room than one account. */
export const IP_RULE: ThrottleRule = {
  freeFailures: 20,
  lockoutAfter: 100,
  lockoutMs: 15 * 60 * 1000,
  firstDelayMs: 1000,
  maxDelayMs: 60 * 1000,
};

/**
 * Whether one more attempt may be made now, given the failures since the last success within
 * the window (newest first). Returns the seconds to wait, or 0.
 */
export const secondsToWait = (failures: Date[], rule: ThrottleRule, now: Date): number => {
  const count = failures.length;
  if (count <= rule.freeFailures) return 0;
  const latest = failures[0].getTime();
  const waitMs =
    count >= rule.lockoutAfter
      ? rule.lockoutMs
      : Math.min(rule.firstDelayMs * 2 ** (count - rule.freeFailures - 1), rule.maxDelayMs);
  return Math.max(0, Math.ceil((latest + waitMs - now.getTime()) / 1000));
};
