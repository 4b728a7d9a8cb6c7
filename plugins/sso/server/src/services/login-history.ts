import type { Core } from '@strapi/strapi';

import { ACCOUNT_RULE, IP_RULE, WINDOW_MS, secondsToWait } from './throttle-policy';

const EVENT = 'plugin::sso.login-event';
const RETENTION_MS = 365 * 24 * 60 * 60 * 1000;
const FAILURES = ['bad-credentials', 'throttled', 'blocked'];

const windowStart = (now: Date) => new Date(now.getTime() - WINDOW_MS);

export type LoginOutcome = 'success' | 'bad-credentials' | 'throttled' | 'blocked' | 'unverified';

export interface LoginAttempt {
  userId: number | null;
  outcome: LoginOutcome;
  method: 'password';
  ip: string;
  userAgent: string;
}

/**
 * Every sign-in attempt with its outcome, method, address and browser; the throttle reads its
 * decisions from here, and users read their own history. Kept one year.
 */
const loginHistory = ({ strapi }: { strapi: Core.Strapi }) => {
  const events = () => strapi.db.query(EVENT);

  /**
   * An account's failed attempts within the window since its last success, newest first: only
   * the account's owner can succeed, so a success ends their run of typos. Reads no further than
   * the lockout needs.
   */
  const accountFailures = async (userId: number, now: Date): Promise<Date[]> => {
    const rows: { outcome: string; occurredAt: string }[] = await events().findMany({
      where: { user: userId, occurredAt: { $gte: windowStart(now) } },
      select: ['outcome', 'occurredAt'],
      orderBy: { occurredAt: 'desc' },
      limit: ACCOUNT_RULE.lockoutAfter + 1,
    });
    const failures: Date[] = [];
    for (const row of rows) {
      if (row.outcome === 'success') break;
      if (FAILURES.includes(row.outcome)) failures.push(new Date(row.occurredAt));
    }
    return failures;
  };

  /**
   * An address's failed attempts within the window, newest first, whatever succeeded in between:
   * otherwise one sign-in to an account of their own would let an attacker start guessing others'
   * passwords afresh.
   */
  const addressFailures = async (ip: string, now: Date): Promise<Date[]> => {
    const rows: { occurredAt: string }[] = await events().findMany({
      where: { ip, outcome: { $in: FAILURES }, occurredAt: { $gte: windowStart(now) } },
      select: ['occurredAt'],
      orderBy: { occurredAt: 'desc' },
      limit: IP_RULE.lockoutAfter,
    });
    return rows.map((row) => new Date(row.occurredAt));
  };

  return {
    async record(attempt: LoginAttempt, now = new Date()) {
      await events().create({
        data: {
          user: attempt.userId,
          outcome: attempt.outcome,
          method: attempt.method,
          ip: attempt.ip.slice(0, 64),
          userAgent: attempt.userAgent.slice(0, 500),
          occurredAt: now,
        },
      });
    },

    /** Seconds the account or address must wait before the next attempt; 0 when it may go on. */
    async secondsToWait(userId: number | null, ip: string, now = new Date()) {
      const byIp = secondsToWait(await addressFailures(ip, now), IP_RULE, now);
      if (userId === null) return byIp;
      return Math.max(byIp, secondsToWait(await accountFailures(userId, now), ACCOUNT_RULE, now));
    },

    /** A user's own attempts, newest first. */
    async forUser(userId: number, limit = 50) {
      return events().findMany({
        where: { user: userId },
        select: ['outcome', 'method', 'ip', 'userAgent', 'occurredAt'],
        orderBy: { occurredAt: 'desc' },
        limit,
      });
    },

    /** Deletes attempts older than a year. */
    async prune(now = new Date()) {
      await events().deleteMany({
        where: { occurredAt: { $lt: new Date(now.getTime() - RETENTION_MS) } },
      });
    },
  };
};

export type LoginHistoryService = ReturnType<typeof loginHistory>;
export default loginHistory;
