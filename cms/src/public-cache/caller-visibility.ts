import { createHash } from 'node:crypto';

import type { Core } from '@strapi/strapi';

/**
 * Who an answer was computed for. Every anonymous caller sees the same; so does every read-only
 * and every full-access API token; a custom token sees what its set of permitted actions allows,
 * so custom tokens with the same set share a class and a narrowed token moves to another one.
 */
export type VisibilityClass = 'public' | `api-token:${string}`;

/** A Content API token as Strapi's `api-token-content-api` service returns it. */
interface ContentApiToken {
  id: number;
  kind: 'content-api' | 'admin' | null;
  type: 'read-only' | 'full-access' | 'custom';
  permissions?: string[];
  expiresAt: string | null;
  lastUsedAt: string | null;
}

/** The part of Strapi's token service the cache uses: it hashes with the salt as Strapi does. */
interface ContentApiTokenService {
  hash(accessKey: string): string;
  getByAccessKey(accessKeyHash: string): Promise<ContentApiToken | null>;
}

/** A caller whose answers may be cached, and under which class. */
export interface CacheableCaller {
  visibility: VisibilityClass;
  /** Set for an API token: a cached answer served to it must count as a use, as Strapi does. */
  token?: ContentApiToken;
}

/** As Strapi's token check marks a token used: at most once an hour. */
const LAST_USED_EVERY_MS = 60 * 60 * 1000;

/** The bearer of `Authorization: Bearer <token>`, split as Strapi's api-token strategy does. */
const bearerOf = (authorization: string) => {
  const parts = authorization.split(/\s+/);
  return parts.length === 2 && parts[0].toLowerCase() === 'bearer' ? parts[1] : undefined;
};

const isExpired = (token: ContentApiToken) =>
  token.expiresAt !== null && new Date(token.expiresAt) < new Date();

/** The class of a token's answers; its permissions are in it, so no purge is needed on a change. */
export const tokenVisibility = (token: ContentApiToken): VisibilityClass => {
  if (token.type !== 'custom') return `api-token:${token.type}`;
  const actions = [...new Set(token.permissions ?? [])].sort();
  const digest = createHash('sha256').update(JSON.stringify(actions)).digest('base64url');
  return `api-token:custom:${digest.slice(0, 22)}`;
};

/**
 * Tells which requests may be answered from the cache, and for whom. Without `Authorization`:
 * the public. With a Content API token that Strapi would accept: that token's class, looked up in
 * the database on every request (one read), so a deleted, regenerated or expired token is refused
 * by Strapi at once, on every node. Any other credentials (a person's JWT, an unknown or admin
 * token) are undefined: those requests bypass the cache, and Strapi answers them (401 or personal).
 */
export const callerVisibility = (strapi: Core.Strapi) => {
  const tokens = () => strapi.service('admin::api-token-content-api') as ContentApiTokenService;

  return {
    async of(authorization: string): Promise<CacheableCaller | undefined> {
      if (!authorization) return { visibility: 'public' };
      const bearer = bearerOf(authorization);
      if (!bearer) return undefined;
      const token = await tokens().getByAccessKey(tokens().hash(bearer));
      if (!token || (token.kind !== 'content-api' && token.kind !== null)) return undefined;
      if (isExpired(token)) return undefined;
      return { visibility: tokenVisibility(token), token };
    },

    /**
     * The class Strapi's own authentication gave the request that computed an answer: saved only
     * if it is still the class looked up before (a token changed in between would otherwise file
     * an answer of its new rights under its old class).
     */
    authenticatedAs(state: { auth?: { credentials?: unknown } }): VisibilityClass | undefined {
      const credentials = state.auth?.credentials as ContentApiToken | null | undefined;
      if (!credentials) return 'public';
      return 'type' in credentials && 'expiresAt' in credentials
        ? tokenVisibility(credentials)
        : undefined;
    },

    /** Marks a token used when its answer came from the cache, as Strapi's token check would. */
    async markUsed(token: ContentApiToken) {
      const last = token.lastUsedAt === null ? 0 : new Date(token.lastUsedAt).getTime();
      if (Date.now() - last < LAST_USED_EVERY_MS) return;
      await strapi.db
        .query('admin::api-token')
        .update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
    },
  };
};

export type CallerVisibility = ReturnType<typeof callerVisibility>;
