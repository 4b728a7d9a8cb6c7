import { createHmac } from 'node:crypto';

import type { Core } from '@strapi/strapi';

import { LOGIN_EVENT } from '../content-types/uids';
import { getConfig } from '../utils';
import { userLinkOf } from '../utils/owned-by';
import { plainTable } from '../utils/plain-table';
import {
  ACCOUNT_RULE,
  PAIR_RULE,
  SECOND_FACTOR_RULE,
  SOURCE_RULE,
  failuresThatMatter,
  msToWait,
  type ThrottleRule,
} from './throttle-policy';

const RETENTION_MS = 365 * 24 * 60 * 60 * 1000;
/** The one outcome of a wrong guess: the password was checked and did not match. */
const FAILURE = 'bad-credentials';

/** How a second step was attempted, as the history names it. */
export type SecondFactorMethod = 'totp' | 'recovery-code';
const SECOND_FACTOR_METHODS: SecondFactorMethod[] = ['totp', 'recovery-code'];

export type LoginOutcome =
  | 'success'
  | 'bad-credentials'
  /** A wrong (or replayed) second-factor code: kept apart, so it never throttles passwords. */
  | 'bad-code'
  | 'throttled'
  | 'blocked'
  | 'unverified'
  /** An upstream provider's sign-in failed (state, code, token or profile refused). */
  | 'upstream-refused';

export interface LoginAttempt {
  /** The email as typed; the history keeps only a keyed hash of it (see `accountKey`). */
  email: string;
  userId: number | null;
  outcome: LoginOutcome;
  /**
   * `password`; `passkey`, a WebAuthn assertion, throttled and counted like a password; the
   * second step's `totp` / `recovery-code` (see `SECOND_FACTOR_METHODS`); or `fed:<provider>`
   * for an upstream provider (Google, Yandex ID, VK ID, …).
   */
  method: 'password' | 'passkey' | SecondFactorMethod | `fed:${string}`;
  ip: string;
  userAgent: string;
}

/** What the throttle decided for one attempt. */
export interface ThrottleDecision {
  /** Above 0, the attempt is refused and may be made again after exactly this many seconds. */
  retryAfterSeconds: number;
  /** Otherwise, how long to hold the attempt back before checking its password. */
  holdMs: number;
}

/**
 * Every sign-in attempt with its outcome, method, address and browser; the throttle reads its
 * decisions from here, and users read their own history. Kept one year.
 */
const loginHistory = ({ strapi }: { strapi: Core.Strapi }) => {
  const events = () => strapi.db.query(LOGIN_EVENT);

  /**
   * Writes one attempt: the event, and its link to the account when there is one, in one
   * transaction. Every attempt is written, a flood of wrong passwords included, so through
   * knex (see plainTable): Strapi's create would add its relation bookkeeping and a read back,
   * five statements where two do.
   */
  const writeEvent = async (values: Record<string, unknown>, userId: number | null) => {
    const table = plainTable(strapi, LOGIN_EVENT);
    const { documentId } = table.attributes as { documentId?: { default: () => string } };
    const now = new Date();
    const row = table.row({
      ...values,
      ...(documentId && { documentId: documentId.default() }),
      ...Object.fromEntries(
        ['createdAt', 'updatedAt', 'publishedAt']
          .filter((name) => name in table.attributes)
          .map((name) => [name, now])
      ),
    });
    const link = userLinkOf(strapi, LOGIN_EVENT);
    await strapi.db.transaction(async ({ trx }) => {
      const [{ id }] = await table.query().transacting(trx).insert(row).returning('id');
      if (userId === null) return;
      await strapi.db
        .getConnection(link.name)
        .transacting(trx)
        .insert({ [link.joinColumn.name]: id, [link.inverseJoinColumn.name]: userId });
    });
  };

  /**
   * Attempts on an email are throttled whether it has an account or not, so that the answers
   * cannot tell which; strangers' emails are kept only as this keyed hash.
   */
  const accountKey = (email: string) =>
    createHmac('sha256', getConfig(strapi).keyEncryptionKey)
      .update(`sign-in:${email.trim().toLowerCase()}`)
      .digest('base64url');

  /**
   * Failures matching `where` within the rule's window, newest first, up to the number that
   * decides the wait. With `sinceSuccess`, a success among them ends the run: only someone who
   * knows the password can succeed.
   */
  const failures = async (
    where: Record<string, unknown>,
    rule: ThrottleRule,
    now: Date,
    { sinceSuccess, failure = FAILURE }: { sinceSuccess: boolean; failure?: LoginOutcome }
  ): Promise<Date[]> => {
    const rows: { outcome: string; occurredAt: string }[] = await events().findMany({
      where: {
        ...where,
        outcome: { $in: sinceSuccess ? [failure, 'success'] : [failure] },
        occurredAt: { $gte: new Date(now.getTime() - rule.windowMs) },
      },
      select: ['outcome', 'occurredAt'],
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      limit: failuresThatMatter(rule) + 1,
    });
    const since = sinceSuccess ? rows.findIndex((row) => row.outcome === 'success') : -1;
    return (since === -1 ? rows : rows.slice(0, since)).map((row) => new Date(row.occurredAt));
  };

  return {
    async record(attempt: LoginAttempt, now = new Date()) {
      await writeEvent(
        {
          accountKey: accountKey(attempt.email),
          outcome: attempt.outcome,
          method: attempt.method,
          ip: attempt.ip.slice(0, 64),
          userAgent: attempt.userAgent.slice(0, 500),
          occurredAt: now,
        },
        attempt.userId
      );
      // Counted by the system metrics (plugins/metrics) without this plugin knowing them; the
      // outcome only: no email, address or account.
      await strapi.eventHub.emit('sso.sign-in', { outcome: attempt.outcome });
    },

    /**
     * Whether an attempt on `email` from `ip` is checked now. Refused while this email from this
     * address, or this address over all emails, must wait; held back a little while this email
     * is being guessed from everywhere. Known and unknown emails are treated alike.
     */
    async decide(email: string, ip: string, now = new Date()): Promise<ThrottleDecision> {
      const key = accountKey(email);
      const source = ip.slice(0, 64);
      const [pair, address, account] = await Promise.all([
        failures({ accountKey: key, ip: source }, PAIR_RULE, now, { sinceSuccess: true }),
        failures({ ip: source }, SOURCE_RULE, now, { sinceSuccess: false }),
        failures({ accountKey: key }, ACCOUNT_RULE, now, { sinceSuccess: true }),
      ]);
      const refuseMs = Math.max(
        msToWait(pair, PAIR_RULE, now),
        msToWait(address, SOURCE_RULE, now)
      );
      return {
        retryAfterSeconds: Math.ceil(refuseMs / 1000),
        holdMs: refuseMs > 0 ? 0 : msToWait(account, ACCOUNT_RULE, now),
      };
    },

    /**
     * Whether a second-factor code for the account signing in as `email` is checked now: its
     * wrong codes from every address count (`SECOND_FACTOR_RULE`), and password successes do
     * not end their run, since whoever types codes knows the password.
     */
    async decideSecondFactor(email: string, now = new Date()): Promise<ThrottleDecision> {
      const recent = await failures(
        { accountKey: accountKey(email), method: { $in: SECOND_FACTOR_METHODS } },
        SECOND_FACTOR_RULE,
        now,
        { sinceSuccess: true, failure: 'bad-code' }
      );
      return {
        retryAfterSeconds: Math.ceil(msToWait(recent, SECOND_FACTOR_RULE, now) / 1000),
        holdMs: 0,
      };
    },

    /** A user's own attempts, newest first. */
    async forUser(userId: number, limit = 50) {
      return events().findMany({
        where: { user: userId },
        select: ['outcome', 'method', 'ip', 'userAgent', 'occurredAt'],
        orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
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
