import { createHash, randomBytes } from 'node:crypto';

import type { Core } from '@strapi/strapi';

import { EMAIL_TOKEN } from '../content-types/uids';

export type EmailLinkPurpose = 'verify-email' | 'reset-password' | 'link-identity';

/** How long a link works: verifying an address may wait a day, a reset must not. */
const LIFETIME_MS: Record<EmailLinkPurpose, number> = {
  'verify-email': 24 * 60 * 60 * 1000,
  'reset-password': 60 * 60 * 1000,
  // Confirms linking an upstream account while its sign-in waits: as short as a reset.
  'link-identity': 60 * 60 * 1000,
};

const hash = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface RedeemedLink {
  userId: number;
  email: string;
}

/**
 * One-time links sent by email. The token travels only in the email; the database keeps its
 * SHA-256, so a copy of the database cannot be used to take over accounts.
 */
const emailLinks = ({ strapi }: { strapi: Core.Strapi }) => {
  const tokens = () => strapi.db.query(EMAIL_TOKEN);

  return {
    /** A fresh token for `purpose`; earlier unused ones of the same user and purpose stop working. */
    async issue(purpose: EmailLinkPurpose, userId: number, email: string, now = new Date()) {
      await tokens().deleteMany({ where: { purpose, user: userId, usedAt: null } });
      const token = randomBytes(32).toString('base64url');
      await tokens().create({
        data: {
          purpose,
          tokenHash: hash(token),
          user: userId,
          email,
          expiresAt: new Date(now.getTime() + LIFETIME_MS[purpose]),
        },
      });
      return token;
    },

    /** Whether `token` is a live link for `purpose`, without using it up. */
    async peek(
      purpose: EmailLinkPurpose,
      token: string,
      now = new Date()
    ): Promise<RedeemedLink | null> {
      const row = await tokens().findOne({
        where: { purpose, tokenHash: hash(token), usedAt: null, expiresAt: { $gt: now } },
        populate: ['user'],
      });
      return row?.user ? { userId: row.user.id, email: row.email } : null;
    },

    /** Uses a link up; null when it is unknown, used or expired. */
    async redeem(
      purpose: EmailLinkPurpose,
      token: string,
      now = new Date()
    ): Promise<RedeemedLink | null> {
      const link = await this.peek(purpose, token, now);
      if (!link) return null;
      const { count } = await tokens().updateMany({
        where: { tokenHash: hash(token), usedAt: null },
        data: { usedAt: now },
      });
      // Two requests racing with one link: only the one that marked it used wins.
      return count === 1 ? link : null;
    },

    async prune(now = new Date()) {
      await tokens().deleteMany({ where: { expiresAt: { $lt: now } } });
    },
  };
};

export type EmailLinksService = ReturnType<typeof emailLinks>;
export default emailLinks;
