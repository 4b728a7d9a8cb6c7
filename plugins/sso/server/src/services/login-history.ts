import type { Core } from '@strapi/strapi';

import { ACCOUNT_RULE, IP_RULE, WINDOW_MS, secondsToWait } from './throttle-policy';

const EVENT = 'plugin::sso.login-event';
const RETENTION_MS = 365 * 24 * 60 * 60 * 1000;
const FAILURES = ['bad-credentials', 'throttled', 'blocked'];

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

  /** Failed attempts within the window since the last success, newest first. */
  const recentFailures = async (where: Record<string, unknown>, now: Date): Promise<Date[]> => {
    const since = new Date(now.getTime() - WINDOW_MS);
    const rows: { outcome: string; occurredAt: string }[] = await events().findMany({
      where: { ...where, occurredAt: { $gte: since } },
      select: ['outcome', 'occurredAt'],
      orderBy: { occurredAt: 'desc' },
      limit: 200,
    });
    const failures: Date[] = [];
    for (const row of rows) {
      if (row.outcome === 'success') break;
      if (FAILURES.includes(row.outcome)) failures.push(new Date(row.occurredAt));
    }
    return failures;
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
      const byIp = secondsToWait(await recentFailures({ ip }, now), IP_RULE, now);
      if (userId === null) return byIp;
      const byAccount = secondsToWait(
        await recentFailures({ user: userId }, now),
        ACCOUNT_RULE,
        now
      );
      return Math.max(byIp, byAccount);
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
