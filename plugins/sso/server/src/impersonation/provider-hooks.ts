import type { Core } from '@strapi/strapi';
import { errors } from 'oidc-provider';

import { getService } from '../utils';
import { oncePerRequest } from '../utils/per-request';

/** What oidc-provider hands our hooks: a code, token or session, maybe bound to a session. */
interface SessionBound {
  sessionUid?: string;
}

const sessionUidOf = (token: unknown) =>
  typeof token === 'object' && token !== null ? (token as SessionBound).sessionUid : undefined;

/**
 * How impersonation shapes what oidc-provider issues: the `act` claim, no refresh tokens, no
 * token outliving the impersonation, and nothing issued once it ended. Each hook reads the
 * impersonation of the session the code or token was issued in; other sessions are untouched.
 */
export const impersonationHooks = (strapi: Core.Strapi) => {
  const service = () => getService(strapi, 'impersonations');
  const readDeadline = oncePerRequest(strapi, (uid) => service().sessionDeadline(uid));
  const deadlineOf = async (uid: string | undefined) => (uid ? readDeadline(uid) : null);
  /**
   * The end of the impersonation a request issues tokens for, noted when its account is read:
   * oidc-provider asks for an ID token's lifetime synchronously, after that.
   */
  const deadlines = new WeakMap<object, Date>();

  return {
    /**
     * Claims to add to tokens of this session: `act` while the impersonation lasts. After it
     * ended, nothing more is issued from its session (a code still in flight included).
     * @throws errors.InvalidGrant when the token's session was an impersonation that ended.
     */
    async actorClaims(token: unknown, request?: object, now = new Date()) {
      const uid = sessionUidOf(token);
      const deadline = await deadlineOf(uid);
      if (!deadline) return {};
      const active = await service().activeForSession(uid, now);
      if (!active || deadline <= now) throw new errors.InvalidGrant('impersonation ended');
      if (request) deadlines.set(request, deadline);
      return { act: active.act };
    },

    /** An ID token's lifetime (seconds), cut to the end of the impersonation it is issued in. */
    idTokenTtl(request: object | undefined, ttl: number, now = Date.now()) {
      const deadline = request && deadlines.get(request);
      if (!deadline) return ttl;
      return Math.max(1, Math.min(ttl, Math.floor((deadline.getTime() - now) / 1000)));
    },

    /** Whether refresh tokens may be issued: never in an impersonated session. */
    async isImpersonated(token: unknown) {
      return (await deadlineOf(sessionUidOf(token))) !== null;
    },

    /** A JWT's `exp`, moved back to the end of the impersonation it was issued in. */
    async cappedExpiry(token: unknown, exp: unknown) {
      const deadline = await deadlineOf(sessionUidOf(token));
      if (!deadline || typeof exp !== 'number') return exp;
      return Math.min(exp, Math.floor(deadline.getTime() / 1000));
    },

    /** A session record's lifetime (seconds), cut to the end of its impersonation. */
    async cappedSessionTtl(sessionUid: string | undefined, expiresIn: number, now = Date.now()) {
      const deadline = await deadlineOf(sessionUid);
      if (!deadline) return expiresIn;
      return Math.max(1, Math.min(expiresIn, Math.floor((deadline.getTime() - now) / 1000)));
    },
  };
};
