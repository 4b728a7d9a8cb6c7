import { randomUUID } from 'node:crypto';

import type { Core } from '@strapi/strapi';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

import { SIGNING_KEY } from '../content-types/uids';
import { getConfig, getService } from '../utils';

const ALGORITHMS = ['ES256', 'RS256'] as const;
type Algorithm = (typeof ALGORITHMS)[number];

/** Longest life of anything signed (an ID token: one hour), plus clock skew. */
const SIGNED_TOKEN_MAX_AGE_MS = 70 * 60 * 1000;

/** Emitted (and awaited) whenever the key set changes, so the provider signs with the new keys. */
export const KEYS_CHANGED = 'sso::signing-keys.changed';

interface KeyRow {
  id: number;
  kid: string;
  alg: Algorithm;
  publicJwk: JWK;
  encryptedPrivateJwk: string;
  activatedAt: string;
  retiredAt: string | null;
  publishedUntil: string | null;
}

/**
 * The keys ID signs tokens with, kept in the database with their private parts sealed. One
 * active key per algorithm signs; a replaced key stays published (in JWKS) until everything it
 * signed has expired, then it is deleted.
 */
const signingKeys = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(SIGNING_KEY);

  const create = async (alg: Algorithm, now: Date) => {
    const { privateKey } = await generateKeyPair(alg, {
      extractable: true,
      ...(alg === 'RS256' ? { modulusLength: 2048 } : {}),
    });
    const kid = randomUUID();
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg, use: 'sig' };
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
    await rows().create({
      data: {
        kid,
        alg,
        publicJwk,
        encryptedPrivateJwk: getService(strapi, 'sealed-box').seal(JSON.stringify(privateJwk)),
        activatedAt: now,
      },
    });
  };

  const active = async (): Promise<KeyRow[]> =>
    rows().findMany({ where: { retiredAt: null }, orderBy: { activatedAt: 'desc' } });

  return {
    /** Makes sure each algorithm has an active key: a fresh install gets its first keys. */
    async ensureActive(now = new Date()) {
      const current = await active();
      for (const alg of ALGORITHMS) {
        if (!current.some((key) => key.alg === alg)) await create(alg, now);
      }
    },

    /** Replaces every active key; the old ones stay published until their tokens expired. */
    async rotate(now = new Date()) {
      const retiring = await active();
      for (const alg of ALGORITHMS) await create(alg, now);
      const publishedUntil = new Date(now.getTime() + SIGNED_TOKEN_MAX_AGE_MS);
      for (const key of retiring) {
        await rows().update({ where: { id: key.id }, data: { retiredAt: now, publishedUntil } });
      }
      await strapi.eventHub.emit(KEYS_CHANGED);
    },

    /** Rotates when the active keys are older than the configured period. */
    async rotateIfDue(now = new Date()) {
      const maxAgeMs = getConfig(strapi).keyRotationDays * 24 * 60 * 60 * 1000;
      const current = await active();
      const due = current.some(
        (key) => now.getTime() - new Date(key.activatedAt).getTime() > maxAgeMs
      );
      if (due) await this.rotate(now);
      return due;
    },

    /** Deletes retired keys nothing valid was signed with any more. */
    async prune(now = new Date()) {
      const { count } = await rows().deleteMany({
        where: { retiredAt: { $notNull: true }, publishedUntil: { $lt: now } },
      });
      if (count > 0) await strapi.eventHub.emit(KEYS_CHANGED);
    },

    /**
     * Private keys for the provider: active ES256 first (the default signing key), then the
     * other active keys, then retired ones, which are only published.
     */
    async providerJwks(): Promise<{ keys: JWK[] }> {
      const all: KeyRow[] = await rows().findMany({});
      const rank = (key: KeyRow) => (key.retiredAt ? 2 : key.alg === 'ES256' ? 0 : 1);
      const sorted = [...all].sort((a, b) => rank(a) - rank(b));
      const box = getService(strapi, 'sealed-box');
      return { keys: sorted.map((key) => JSON.parse(box.open(key.encryptedPrivateJwk)) as JWK) };
    },

    /** Public keys of everything published, for verifying tokens in-process. */
    async publicJwks(): Promise<{ keys: JWK[] }> {
      const all: KeyRow[] = await rows().findMany({});
      return { keys: all.map((key) => key.publicJwk) };
    },

    /** Changes whenever the key set changes, so running servers notice a rotation. */
    async fingerprint(): Promise<string> {
      const all: KeyRow[] = await rows().findMany({ select: ['kid', 'retiredAt'] });
      return all
        .map((key) => `${key.kid}:${key.retiredAt ?? ''}`)
        .sort()
        .join(',');
    },
  };
};

export type SigningKeysService = ReturnType<typeof signingKeys>;
export default signingKeys;
