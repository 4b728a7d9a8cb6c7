import type { Core } from '@strapi/strapi';

import { LOGIN_EVENT, OIDC_RECORD, USER } from '../content-types/uids';
import type { LoginEventPage, StaffLoginEvent } from '../../../shared/contracts';
import { getService } from '../utils';
import { revokeEverythingOf, revokeGrantsOf } from './oidc-adapter';

/** One live browser session of an account, as oidc-provider keeps it. */
export interface LiveSession {
  id: string;
  startedAt: Date | null;
  expiresAt: Date | null;
  current: boolean;
}

interface SessionRow {
  key: string;
  expiresAt: string | null;
  payload: { jti?: string; loginTs?: number; exp?: number };
}

const STAFF_PAGE_SIZE = 50;

/**
 * The sessions of an account, past and present: the live browser sessions oidc-provider keeps
 * (listed, ended) and the sign-in attempts behind them as staff look them up.
 */
const accountSessions = ({ strapi }: { strapi: Core.Strapi }) => {
  const records = () => strapi.db.query(OIDC_RECORD);

  return {
    /** Live sessions of `accountId`, newest first; `currentId` is the one asking. */
    async list(accountId: string, currentId: string | null, now = new Date()) {
      const rows: SessionRow[] = await records().findMany({
        where: { model: 'Session', accountId, expiresAt: { $gt: now } },
        select: ['key', 'expiresAt', 'payload'],
      });
      const sessions: LiveSession[] = rows.map((row) => {
        const id = row.payload.jti ?? row.key.slice('Session:'.length);
        return {
          id,
          startedAt: row.payload.loginTs ? new Date(row.payload.loginTs * 1000) : null,
          expiresAt: row.expiresAt ? new Date(row.expiresAt) : null,
          current: id === currentId,
        };
      });
      return sessions.sort(
        (a, b) =>
          Number(b.current) - Number(a.current) ||
          (b.startedAt?.getTime() ?? 0) - (a.startedAt?.getTime() ?? 0)
      );
    },

    /**
     * Ends everything of `accountId` but the session asking and the grants it was given, so that
     * browser stays signed in: other sessions, refresh tokens, opaque access tokens, codes.
     */
    async endOthers(accountId: string, current: { id: string; grantIds: string[] }) {
      const kept = current.grantIds.map((grantId) => `Grant:${grantId}`);
      await revokeGrantsOf(strapi, accountId, { key: { $notIn: kept } });
      await records().deleteMany({
        where: {
          accountId,
          $not: {
            $or: [
              { model: 'Session', key: `Session:${current.id}` },
              ...current.grantIds.map((grantId) => ({ model: 'Grant', key: `Grant:${grantId}` })),
            ],
          },
        },
      });
    },

    /**
     * Ends every session, grant and token of `accountId`, and forgets its remembered browsers
     * ("sign out everywhere").
     */
    async endAll(accountId: string) {
      await revokeEverythingOf(strapi, accountId);
      // Remembered browsers would skip the second step of the next sign-in: forgotten too.
      await getService(strapi, 'remembered-devices').forgetAll({ documentId: accountId });
    },

    /**
     * One page of sign-in attempts, newest first: of one user (by email or document id), or of
     * everyone. Null when no such user exists.
     */
    async staffPage(query: { user?: string; page: number }): Promise<LoginEventPage | null> {
      let where: Record<string, unknown> = {};
      if (query.user) {
        const user = await strapi.db.query(USER).findOne({
          where: { $or: [{ email: query.user.toLowerCase() }, { documentId: query.user }] },
          select: ['id'],
        });
        if (!user) return null;
        where = { user: { id: user.id } };
      }
      const [rows, total] = await Promise.all([
        strapi.db.query(LOGIN_EVENT).findMany({
          where,
          select: ['outcome', 'method', 'ip', 'userAgent', 'occurredAt'],
          populate: { user: { select: ['documentId', 'email'] } },
          orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
          offset: (query.page - 1) * STAFF_PAGE_SIZE,
          limit: STAFF_PAGE_SIZE,
        }),
        strapi.db.query(LOGIN_EVENT).count({ where }),
      ]);
      return {
        data: rows.map((row: StaffLoginEvent) => ({
          outcome: row.outcome,
          method: row.method,
          ip: row.ip ?? null,
          userAgent: row.userAgent ?? null,
          occurredAt: new Date(row.occurredAt).toISOString(),
          user: row.user ? { documentId: row.user.documentId, email: row.user.email } : null,
        })),
        pagination: {
          page: query.page,
          pageSize: STAFF_PAGE_SIZE,
          pageCount: Math.ceil(total / STAFF_PAGE_SIZE),
          total,
        },
      };
    },
  };
};

export type AccountSessionsService = ReturnType<typeof accountSessions>;
export default accountSessions;
