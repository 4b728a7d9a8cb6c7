import { createHash, randomBytes } from 'node:crypto';

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { PASSKEY_CHALLENGE } from '../../content-types/uids';

const COOKIE = 'vh_id_passkey';
/** Long enough to touch a security key or unlock a phone; the browser's own timeout is shorter. */
const LIFETIME_MS = 5 * 60 * 1000;

const hash = (value: string) => createHash('sha256').update(value).digest('base64url');

/**
 * WebAuthn challenges, each usable once and only by the browser that asked for it: the row
 * holds the challenge, the browser an httpOnly cookie whose hash names the row. Taking a
 * challenge deletes its row, so an assertion (or attestation) replayed with the same cookie
 * finds nothing. `purpose` ties it to one ceremony (`sign-in:<interaction>`, `register:<user>`).
 */
export const passkeyChallenges = (strapi: Core.Strapi) => {
  const rows = () => strapi.db.query(PASSKEY_CHALLENGE);

  return {
    /**
     * Keeps `challenge` (SimpleWebAuthn's own, random, as its options carry it) for this
     * browser, replacing the one it had.
     */
    async issue(
      ctx: Context,
      cookiePath: string,
      purpose: string,
      challenge: string,
      now = new Date()
    ) {
      const previous = ctx.cookies.get(COOKIE);
      // Expired ones go now too: nobody else cleans this table.
      await rows().deleteMany({
        where: {
          $or: [
            { expiresAt: { $lt: now } },
            ...(previous ? [{ bindingHash: hash(previous) }] : []),
          ],
        },
      });
      const binding = randomBytes(32).toString('base64url');
      await rows().create({
        data: {
          bindingHash: hash(binding),
          challenge,
          purpose,
          expiresAt: new Date(now.getTime() + LIFETIME_MS),
        },
      });
      ctx.cookies.set(COOKIE, binding, {
        httpOnly: true,
        sameSite: 'strict',
        path: cookiePath,
        secure: ctx.secure,
        signed: false,
        maxAge: LIFETIME_MS,
      });
    },

    /**
     * The challenge this browser was given for `purpose`, deleted as it is read; null when it has
     * none, it expired, was used, or was for another ceremony.
     */
    async take(ctx: Context, cookiePath: string, purpose: string, now = new Date()) {
      const binding = ctx.cookies.get(COOKIE);
      ctx.cookies.set(COOKIE, null, { path: cookiePath, httpOnly: true, signed: false });
      if (!binding) return null;
      const row: { id: number; challenge: string; purpose: string; expiresAt: string } | null =
        await rows().findOne({ where: { bindingHash: hash(binding) } });
      if (!row) return null;
      // Whoever deletes the row owns the challenge: two racing requests cannot both use it.
      const { count } = await rows().deleteMany({ where: { id: row.id } });
      if (count !== 1 || row.purpose !== purpose) return null;
      return new Date(row.expiresAt).getTime() > now.getTime() ? row.challenge : null;
    },
  };
};
