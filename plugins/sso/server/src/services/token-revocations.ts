import { createHash } from 'node:crypto';

import type { Core } from '@strapi/strapi';

import { CLIENT, TOKEN_REVOCATION } from '../content-types/uids';
import { getConfig } from '../utils';

/** What a revocation names: one access token by its `jti`, or every token of a grant by `gid`. */
export type RevocationKind = 'jti' | 'gid';

/** One revoked token or grant, as published to services that verify tokens offline. */
export type RevocationEntry = { [kind in RevocationKind]?: string } & { exp: number };

interface RevocationRow {
  kind: RevocationKind;
  value: string;
  expiresAt: string;
}

/**
 * The `gid` claim of access tokens: a hash of oidc-provider's grant id, so that the tokens (and
 * the published list) name a grant without giving away the key it is stored under.
 */
export const grantReference = (grantId: string) =>
  createHash('sha256').update(grantId).digest('base64url');

/**
 * Access tokens are JWTs checked without asking ID, so revoking one (or the grant it came from)
 * must also reach every place that checks them: this list, kept in the database until the
 * tokens it names have expired, and in memory on every CMS node, read again from the database
 * every `revocationPollMs`. The node that revokes knows at once.
 */
const tokenRevocations = ({ strapi }: { strapi: Core.Strapi }) => {
  const revoked = new Map<string, number>();
  let longestLifetimeMs = getConfig(strapi).accessTokenTtlSeconds * 1000;
  let timer: NodeJS.Timeout | undefined;

  const remember = (kind: RevocationKind, value: string, expiresAtMs: number) => {
    const key = `${kind}:${value}`;
    revoked.set(key, Math.max(revoked.get(key) ?? 0, expiresAtMs));
  };

  const forgetExpired = (now: number) => {
    for (const [key, expiresAt] of revoked) if (expiresAt <= now) revoked.delete(key);
  };

  /** The longest an access token issued now can live: the default or a client's own lifetime. */
  const readLongestLifetime = async () => {
    const clients: { accessTokenTtlSeconds: number | null }[] = await strapi.db
      .query(CLIENT)
      .findMany({ select: ['accessTokenTtlSeconds'] });
    const seconds = Math.max(
      getConfig(strapi).accessTokenTtlSeconds,
      ...clients.map((client) => client.accessTokenTtlSeconds ?? 0)
    );
    longestLifetimeMs = seconds * 1000;
  };

  /**
   * Merges what every node has revoked. Entries are only ever added (and forgotten when they
   * expire): one this node wrote a moment ago stays refused even before its row is visible.
   */
  const refresh = async (now = Date.now()) => {
    const rows: RevocationRow[] = await strapi.db.query(TOKEN_REVOCATION).findMany({
      where: { expiresAt: { $gt: new Date(now) } },
      select: ['kind', 'value', 'expiresAt'],
    });
    for (const row of rows) remember(row.kind, row.value, new Date(row.expiresAt).getTime());
    forgetExpired(now);
    await readLongestLifetime();
  };

  const revoke = async (kind: RevocationKind, value: string, expiresAtMs: number) => {
    // Refused here before anything is awaited, so the answer that revoked it is already true.
    remember(kind, value, expiresAtMs);
    await strapi.db.query(TOKEN_REVOCATION).create({
      data: { kind, value, expiresAt: new Date(expiresAtMs) },
    });
  };

  return {
    /** Refuses one access token (by its `jti`) until `expiresAt`, its own expiry. */
    revokeToken(jti: string, expiresAt: Date) {
      return revoke('jti', jti, expiresAt.getTime());
    },

    /** Refuses every access token issued from the grant, for as long as any can still live. */
    revokeGrant(grantId: string, now = Date.now()) {
      return revoke('gid', grantReference(grantId), now + longestLifetimeMs);
    },

    /** Whether the claims of a verified access token name a revoked token or grant. */
    isRevoked(claims: { jti?: unknown; gid?: unknown }, now = Date.now()) {
      return [`jti:${String(claims.jti)}`, `gid:${String(claims.gid)}`].some(
        (key) => (revoked.get(key) ?? 0) > now
      );
    },

    /** The entries in force, as this node knows them (within one poll of every node). */
    list(now = Date.now()): RevocationEntry[] {
      const entries: RevocationEntry[] = [];
      for (const [key, expiresAt] of revoked) {
        if (expiresAt <= now) continue;
        const [kind, value] = key.split(/:(.*)/s) as [RevocationKind, string];
        entries.push({ [kind]: value, exp: Math.ceil(expiresAt / 1000) });
      }
      return entries;
    },

    /** Reads the list now, then again every `revocationPollMs`. */
    async start() {
      await refresh();
      timer = setInterval(() => {
        refresh().catch((error: Error) =>
          strapi.log.error(`ID revocation list refresh failed: ${error.message}`)
        );
      }, getConfig(strapi).revocationPollMs);
      timer.unref();
    },

    stop() {
      clearInterval(timer);
    },

    /** Deletes the rows of tokens that have expired anyway; run on a schedule. */
    async prune(now = new Date()) {
      await strapi.db.query(TOKEN_REVOCATION).deleteMany({ where: { expiresAt: { $lt: now } } });
    },
  };
};

export type TokenRevocationsService = ReturnType<typeof tokenRevocations>;
export default tokenRevocations;
