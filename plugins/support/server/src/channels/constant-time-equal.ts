import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Compares a secret the caller sent with the one we hold without leaking, through timing, how
 * much of it matched or how long it is (both sides are hashed to the same length first).
 */
export const constantTimeEqual = (given: string, expected: string): boolean =>
  timingSafeEqual(digest(given), digest(expected));
