import type { Core } from '@strapi/strapi';

import { SECOND_FACTOR } from '../content-types/uids';
import { getService } from '../utils';
import { ownedBy } from '../utils/owned-by';
import { matchingStep, newTotpSecret, totpUri } from './totp-codes';

interface TotpRow {
  id: number;
  secret: string;
  lastUsedStep: number | null;
  confirmedAt: string | null;
}

/** Why a code was not accepted; the caller turns it into a message. */
export type TotpCheck = { ok: true } | { ok: false; reason: 'wrong' | 'replayed' | 'not-enrolled' };

/**
 * The authenticator app of an account (RFC 6238): enrolment, then codes checked against it.
 * Each code is accepted once: its time step is stored, and a code of that step or an earlier
 * one is refused, so a code seen over someone's shoulder is worth nothing.
 */
const totp = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(SECOND_FACTOR);
  const box = () => getService(strapi, 'sealed-box');
  let clock = () => Date.now();

  /** The user's latest app, confirmed (`$notNull`) or still being enrolled (`$null`). */
  const latestRow = async (userId: number, confirmed: '$null' | '$notNull') =>
    rows().findOne({
      where: {
        ...(await ownedBy(strapi, SECOND_FACTOR, userId)),
        kind: 'totp',
        confirmedAt: { [confirmed]: true },
      },
      orderBy: { id: 'desc' },
    }) as Promise<TotpRow | null>;

  const confirmedRow = (userId: number) => latestRow(userId, '$notNull');
  const pendingRow = (userId: number) => latestRow(userId, '$null');

  /**
   * Stores `step` as the row's last used one unless it already is that or later: one
   * conditional UPDATE, so two requests with the same code cannot both succeed.
   */
  const claimStep = async (row: TotpRow, step: number, now: Date) => {
    const { count } = await rows().updateMany({
      where: {
        id: row.id,
        $or: [{ lastUsedStep: { $null: true } }, { lastUsedStep: { $lt: step } }],
      },
      data: { lastUsedStep: step, lastUsedAt: now },
    });
    return count === 1;
  };

  return {
    /**
     * Test-only seam: the clock codes are checked against (ms since the epoch). Tests set it to
     * compute codes for chosen times; nothing else calls it.
     */
    useClock(now: () => number) {
      clock = now;
    },

    now: () => clock(),

    async isEnrolled(userId: number) {
      return (await confirmedRow(userId)) !== null;
    },

    /**
     * Starts (or starts again) an enrolment: a new secret, kept sealed and unconfirmed until a
     * code from the app proves it was scanned. Returns what the app needs.
     */
    async startEnrolment(userId: number, email: string) {
      const secret = newTotpSecret();
      await rows().deleteMany({
        where: { user: { id: userId }, kind: 'totp', confirmedAt: { $null: true } },
      });
      await rows().create({
        data: { user: userId, kind: 'totp', secret: box().seal(secret), label: 'app' },
      });
      return { secret, uri: totpUri(secret, email) };
    },

    /** The enrolment in progress, if any: the secret to show again (the page was reloaded). */
    async pendingEnrolment(userId: number, email: string) {
      const row = await pendingRow(userId);
      if (!row) return null;
      const secret = box().open(row.secret);
      return { secret, uri: totpUri(secret, email) };
    },

    /**
     * Confirms the enrolment in progress with a code from the app; the previous app, if any,
     * is replaced. The confirming code's step counts as used.
     */
    async confirmEnrolment(userId: number, code: string): Promise<TotpCheck> {
      const row = await pendingRow(userId);
      if (!row) return { ok: false, reason: 'not-enrolled' };
      const nowMs = clock();
      const step = matchingStep(box().open(row.secret), code, nowMs);
      if (step === null) return { ok: false, reason: 'wrong' };
      const now = new Date(nowMs);
      await strapi.db.transaction(async () => {
        // By id: Strapi's delete through a relation join cannot also name `id` (ambiguous).
        const replaced: { id: number }[] = await rows().findMany({
          where: { user: { id: userId }, kind: 'totp' },
          select: ['id'],
        });
        const others = replaced.map(({ id }) => id).filter((id) => id !== row.id);
        if (others.length > 0) await rows().deleteMany({ where: { id: { $in: others } } });
        await rows().update({
          where: { id: row.id },
          data: { confirmedAt: now, lastUsedStep: step, lastUsedAt: now },
        });
      });
      return { ok: true };
    },

    /** Checks a code at sign-in (or before removing the app): once per time step. */
    async verify(userId: number, code: string): Promise<TotpCheck> {
      const row = await confirmedRow(userId);
      if (!row) return { ok: false, reason: 'not-enrolled' };
      const nowMs = clock();
      const step = matchingStep(box().open(row.secret), code, nowMs);
      if (step === null) return { ok: false, reason: 'wrong' };
      return (await claimStep(row, step, new Date(nowMs)))
        ? { ok: true }
        : { ok: false, reason: 'replayed' };
    },

    /** When the app was confirmed, for the account page. */
    async enrolledAt(userId: number): Promise<Date | null> {
      const row = await confirmedRow(userId);
      return row?.confirmedAt ? new Date(row.confirmedAt) : null;
    },
  };
};

export type TotpService = ReturnType<typeof totp>;
export default totp;
