import { createHash, randomBytes } from 'node:crypto';

import type { Core } from '@strapi/strapi';

import { REMEMBERED_DEVICE } from '../content-types/uids';
import { ownedBy } from '../utils/owned-by';

/** How long a browser may skip the second step after passing it with "remember this device". */
export const REMEMBER_DEVICE_DAYS = 30;
const REMEMBER_MS = REMEMBER_DEVICE_DAYS * 24 * 60 * 60 * 1000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Browsers that passed the second step and may skip it for a while. The browser holds a random
 * token (an httpOnly cookie); the server keeps its hash with the account, so signing out
 * everywhere or removing the second factor forgets every such browser at once.
 */
const rememberedDevices = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(REMEMBERED_DEVICE);

  return {
    /** Remembers a browser for `userId`; returns the cookie's value and when it expires. */
    async remember(userId: number, now = new Date()) {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + REMEMBER_MS);
      await rows().create({ data: { user: userId, tokenHash: hashOf(token), expiresAt } });
      return { token, expiresAt };
    },

    /** Whether the browser's token is a live one of `userId`'s. */
    async recognises(userId: number, token: string | undefined, now = new Date()) {
      if (!token || token.length > 100) return false;
      const row = await rows().findOne({
        where: {
          ...(await ownedBy(strapi, REMEMBERED_DEVICE, userId)),
          tokenHash: hashOf(token),
          expiresAt: { $gt: now },
        },
        select: ['id'],
      });
      return row !== null;
    },

    /** Forgets every browser of a user (sign out everywhere, second factor removed). */
    async forgetAll(user: { id: number } | { documentId: string }) {
      await rows().deleteMany({ where: { user } });
    },

    /** Deletes expired records (housekeeping). */
    async prune(now = new Date()) {
      await rows().deleteMany({ where: { expiresAt: { $lt: now } } });
    },
  };
};

export type RememberedDevicesService = ReturnType<typeof rememberedDevices>;
export default rememberedDevices;
