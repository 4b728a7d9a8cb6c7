import type { Core } from '@strapi/strapi';

import { SECOND_FACTOR } from '../content-types/uids';
import { getConfig } from '../utils';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes';

/**
 * One-time recovery codes, for when the phone with the app is lost: each is kept hashed, and
 * spent by one conditional UPDATE, so it works exactly once.
 */
const recoveryCodes = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(SECOND_FACTOR);
  const hash = (code: string) => hashRecoveryCode(getConfig(strapi).keyEncryptionKey, code);

  return {
    /** Replaces the account's codes with new ones; the only time they are seen in clear. */
    async issue(userId: number, now = new Date()): Promise<string[]> {
      const codes = newRecoveryCodes();
      await strapi.db.transaction(async () => {
        await rows().deleteMany({ where: { user: { id: userId }, kind: 'recovery' } });
        for (const code of codes) {
          await rows().create({
            data: { user: userId, kind: 'recovery', secret: hash(code), confirmedAt: now },
          });
        }
      });
      return codes;
    },

    /** Spends `code` if it is one of the account's unused codes. */
    async use(userId: number, code: string, now = new Date()): Promise<boolean> {
      if (!looksLikeRecoveryCode(code)) return false;
      const row: { id: number } | null = await rows().findOne({
        where: { user: { id: userId }, kind: 'recovery', secret: hash(code) },
        select: ['id'],
      });
      if (!row) return false;
      // By id, and only while unused: of two requests with one code, one updates the row.
      const { count } = await rows().updateMany({
        where: { id: row.id, lastUsedAt: { $null: true } },
        data: { lastUsedAt: now },
      });
      return count === 1;
    },

    async remaining(userId: number): Promise<number> {
      return rows().count({
        where: { user: { id: userId }, kind: 'recovery', lastUsedAt: { $null: true } },
      });
    },
  };
};

export type RecoveryCodesService = ReturnType<typeof recoveryCodes>;
export default recoveryCodes;
