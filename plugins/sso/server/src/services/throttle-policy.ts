/**
 * How many failed attempts a key may have before each further one must wait, and how long.
 * Only attempts whose password was checked are failures: an attempt refused for waiting too
 * little was never evaluated, so it neither counts nor makes the wait longer.
 */
export interface ThrottleRule {
  /** How far back failures count. */
  windowMs: number;
  /** Failures allowed without any wait. */
  freeFailures: number;
  /** The wait after the first failure over the free ones; it doubles with each further failure. */
  firstDelayMs: number;
  maxDelayMs: number;
}

/**
 * One email (a known account or not) from one address: a guesser's own budget, which cannot
 * touch the owner's from anywhere else. Refuses until the wait is over (429).
 */
export const PAIR_RULE: ThrottleRule = {
  windowMs: 24 * 60 * 60 * 1000,
  freeFailures: 3,
  firstDelayMs: 2000,
  maxDelayMs: 15 * 60 * 1000,
};

/**
 * One address, whatever the emails: spraying many accounts. An address may be a whole clinic
 * behind one NAT, so it gets more room than one email. Refuses until the wait is over (429).
 */
export const SOURCE_RULE: ThrottleRule = {
  windowMs: 15 * 60 * 1000,
  freeFailures: 20,
  firstDelayMs: 1000,
  maxDelayMs: 60 * 1000,
};

/**
 * One email from every address together: guessing spread over many addresses. It only holds
 * each attempt back (at most a few seconds) and never refuses, so strangers' guessing can slow
 * the owner down but never lock them out.
 */
export const ACCOUNT_RULE: ThrottleRule = {
  windowMs: 15 * 60 * 1000,
  freeFailures: 10,
  firstDelayMs: 500,
  maxDelayMs: 5000,
};

/**
 * Mail ID sends on request (sign-up, verification, password reset, email change) to one
 * address: a few an hour, then each further one waits longer. Keeps a mailbox from being
 * flooded by someone who only knows the address.
 */
export const MAIL_RECIPIENT_RULE: ThrottleRule = {
  windowMs: 60 * 60 * 1000,
  freeFailures: 5,
  firstDelayMs: 60 * 1000,
  maxDelayMs: 60 * 60 * 1000,
};

/** Mail requested from one address, whatever the recipients: sending spam through ID. */
export const MAIL_SOURCE_RULE: ThrottleRule = {
  windowMs: 60 * 60 * 1000,
  freeFailures: 30,
  firstDelayMs: 60 * 1000,
  maxDelayMs: 60 * 60 * 1000,
};

/**
 * Wrong second-factor codes on one account, from every address together: whoever types them
 * already knows the password, so a code of six digits must not be guessable by spreading
 * attempts over addresses. Refuses until the wait is over (429); a correct code ends the run.
 */
export const SECOND_FACTOR_RULE: ThrottleRule = {
  windowMs: 60 * 60 * 1000,
  freeFailures: 4,
  firstDelayMs: 30 * 1000,
  maxDelayMs: 15 * 60 * 1000,
};

/** The number of newest failures that decide a rule's wait: more cannot make it longer. */
export const failuresThatMatter = (rule: ThrottleRule) =>
  rule.freeFailures + Math.ceil(Math.log2(rule.maxDelayMs / rule.firstDelayMs)) + 1;

/**
 * Milliseconds before the next attempt may be evaluated, given the failures that count (newest
 * first); 0 when it may be now.
 */
export const msToWait = (failures: Date[], rule: ThrottleRule, now: Date): number => {
  const over = failures.length - rule.freeFailures;
  if (over <= 0) return 0;
  const delayMs = Math.min(rule.firstDelayMs * 2 ** (over - 1), rule.maxDelayMs);
  return Math.max(0, failures[0].getTime() + delayMs - now.getTime());
};
