import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Compares a signature or key a provider sent with ours without leaking, through timing, how much
 * of it matched or how long it is (both sides are hashed to one length first).
 */
export const safeEqual = (given: string, expected: string): boolean =>
  timingSafeEqual(digest(given), digest(expected));
