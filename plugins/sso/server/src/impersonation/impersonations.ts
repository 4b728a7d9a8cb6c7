import { createHash, randomBytes } from 'node:crypto';

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type {
  ActorClaim,
  ImpersonationEnd,
  ImpersonationRecord,
} from '../../../shared/contracts/impersonation';
import { IMPERSONATION, OIDC_RECORD, USER } from '../content-types/uids';
import { getConfig, getService } from '../utils';
import { actorClaim } from './actor-claim';
import { fieldError, forbiddenTarget } from './errors';
import { AUDIT_PAGE_SIZE, START_LINK_SECONDS } from './limits';

interface ImpersonationRow {
  id: number;
  actorAdminId: number;
  actorEmail: string;
  actorSub: string | null;
  targetSub: string;
  targetEmail: string;
  targetName: string | null;
  reason: string;
  startedAt: string;
  expiresAt: string;
  endedAt: string | null;
  endedBy: ImpersonationEnd | null;
  ip: string | null;
  linkUsedAt: string | null;
  sessionUid: string | null;
  target?: { id: number } | null;
}

/** An impersonation whose session is live: whose account it shows, to whom, until when. */
export interface ActiveImpersonation {
  id: number;
  act: ActorClaim;
  targetSub: string;
  targetName: string;
  expiresAt: Date;
}

export interface StartInput {
  actor: { id: number; email: string };
  userEmail?: string;
  userId?: string;
  reason: string;
  ip: string;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

const iso = (value: string | Date | null) => (value ? new Date(value).toISOString() : null);

/** The audit's view of a row: no link hash, no session id. */
const toRecord = (row: ImpersonationRow): ImpersonationRecord => ({
  id: row.id,
  actor: { adminId: row.actorAdminId, email: row.actorEmail, sub: row.actorSub ?? null },
  target: { sub: row.targetSub, email: row.targetEmail, name: row.targetName ?? null },
  reason: row.reason,
  startedAt: iso(row.startedAt)!,
  expiresAt: iso(row.expiresAt)!,
  linkUsedAt: iso(row.linkUsedAt),
  endedAt: iso(row.endedAt),
  endedBy: row.endedBy ?? null,
  ip: row.ip ?? null,
});

const toActive = (row: ImpersonationRow): ActiveImpersonation => ({
  id: row.id,
  act: actorClaim(row),
  targetSub: row.targetSub,
  targetName: row.targetName || row.targetEmail,
  expiresAt: new Date(row.expiresAt),
});

/**
 * Support acting as a patient or clinic owner: starting one (a one-time link), binding it to
 * the ID session the link opens, telling whether a session or token is impersonated, ending it,
 * and the audit. Rows are never deleted.
 */
const impersonations = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(IMPERSONATION);

  /**
   * Ends the ID session the impersonation opened and every grant given in it: its records go,
   * and the JWT access tokens issued from them are refused from now on.
   */
  const endSession = async (sessionUid: string | null) => {
    if (!sessionUid) return;
    const records = strapi.db.query(OIDC_RECORD);
    const session: {
      key: string;
      payload: { authorizations?: Record<string, { grantId?: string }> };
    } | null = await records.findOne({ where: { model: 'Session', uid: sessionUid } });
    if (!session) return;
    const grantIds = Object.values(session.payload.authorizations ?? {})
      .map((authorization) => authorization.grantId)
      .filter((grantId): grantId is string => typeof grantId === 'string');
    const revocations = getService(strapi, 'token-revocations');
    await Promise.all(grantIds.map((grantId) => revocations.revokeGrant(grantId)));
    await records.deleteMany({
      where: { $or: [{ key: session.key }, ...grantIds.map((grantId) => ({ grantId }))] },
    });
  };

  const findTarget = async (input: Pick<StartInput, 'userEmail' | 'userId'>) => {
    const field = input.userId ? 'userId' : 'userEmail';
    const where = input.userId
      ? { documentId: input.userId }
      : { email: (input.userEmail ?? '').trim().toLowerCase() };
    const user: {
      id: number;
      documentId: string;
      email: string;
      blocked: boolean;
      confirmed: boolean;
      fullName?: string | null;
      username: string;
    } | null = await strapi.db.query(USER).findOne({ where });
    if (!user)
      throw new errors.NotFoundError(
        `${field}: no user has this ${field === 'userId' ? 'document id' : 'email'}`,
        { errors: [{ path: [field], message: 'unknown user', name: 'NotFoundError' }] }
      );
    if (user.blocked) throw forbiddenTarget(field, 'the account is blocked');
    // Staff are never impersonated: support must not borrow a colleague's staff access.
    if (await getService(strapi, 'staff-directory').isStaff(user.id)) {
      throw forbiddenTarget(field, 'staff accounts cannot be impersonated');
    }
    return { user, field };
  };

  return {
    /**
     * Records an impersonation and makes its start link. The session it opens lasts the
     * configured minutes from now, whenever the link is opened within its 60 seconds.
     * @throws NotFoundError (unknown user), ForbiddenError (staff, blocked), naming the field.
     */
    async start(input: StartInput, now = new Date()) {
      const { user } = await findTarget(input);
      // Their own ID account, if they have one, names them in `act`; an admin user otherwise.
      const ownAccount: { documentId: string } | null = await strapi.db.query(USER).findOne({
        where: { email: input.actor.email.trim().toLowerCase() },
        select: ['documentId'],
      });
      if (ownAccount?.documentId === user.documentId) {
        throw fieldError('userEmail', 'you cannot impersonate your own account');
      }
      const config = getConfig(strapi);
      const token = randomBytes(32).toString('base64url');
      const linkExpiresAt = new Date(now.getTime() + START_LINK_SECONDS * 1000);
      const row: ImpersonationRow = await rows().create({
        data: {
          actorAdminId: input.actor.id,
          actorEmail: input.actor.email,
          actorSub: ownAccount?.documentId ?? null,
          target: user.id,
          targetSub: user.documentId,
          targetEmail: user.email,
          targetName: user.fullName || user.username || null,
          reason: input.reason,
          startedAt: now,
          expiresAt: new Date(now.getTime() + config.impersonationMinutes * 60_000),
          ip: input.ip.slice(0, 64),
          linkHash: hashOf(token),
          linkExpiresAt,
        },
      });
      const startLink = `${config.issuer.replace(/\/$/, '')}/impersonate/${token}`;
      return { record: toRecord(row), startLink, startLinkExpiresAt: linkExpiresAt };
    },

    /**
     * Spends a start link: the impersonation it starts, or null when the link is unknown, used,
     * expired, or its impersonation already ended. One statement, so two clicks cannot both win.
     */
    async consume(token: string, now = new Date()): Promise<ActiveImpersonation | null> {
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
      const linkHash = hashOf(token);
      const { count } = await rows().updateMany({
        where: {
          linkHash,
          linkUsedAt: { $null: true },
          linkExpiresAt: { $gt: now },
          endedAt: { $null: true },
          expiresAt: { $gt: now },
        },
        data: { linkUsedAt: now },
      });
      if (count !== 1) return null;
      const row: ImpersonationRow = await rows().findOne({ where: { linkHash } });
      // The person may have become staff or been blocked since the link was made.
      const target = await getService(strapi, 'accounts').findBySubject(row.targetSub);
      if (
        !target ||
        target.blocked ||
        (await getService(strapi, 'staff-directory').isStaff(target.id))
      ) {
        await rows().update({ where: { id: row.id }, data: { endedAt: now, endedBy: 'expiry' } });
        return null;
      }
      return toActive(row);
    },

    /** Ties the impersonation to the ID session its link opened. */
    async bindSession(id: number, sessionUid: string) {
      await rows().update({ where: { id }, data: { sessionUid } });
    },

    /** The live impersonation of an ID session (by its `uid`), or null when it is anyone's own. */
    async activeForSession(
      sessionUid: string | undefined,
      now = new Date()
    ): Promise<ActiveImpersonation | null> {
      if (!sessionUid) return null;
      const row: ImpersonationRow | null = await rows().findOne({
        where: { sessionUid, endedAt: { $null: true }, expiresAt: { $gt: now } },
      });
      return row ? toActive(row) : null;
    },

    /**
     * When an impersonated session must end (its expiry, or when it was ended), or null for a
     * session of one's own. Read by the storage adapter, so no save can extend it.
     */
    async sessionDeadline(sessionUid: string | undefined): Promise<Date | null> {
      if (!sessionUid) return null;
      const row: ImpersonationRow | null = await rows().findOne({
        where: { sessionUid },
        select: ['expiresAt', 'endedAt'],
      });
      if (!row) return null;
      return new Date(row.endedAt ?? row.expiresAt);
    },

    /**
     * Ends an impersonation now: its session and the tokens given in it stop working at once.
     * Ending one that already ended changes nothing (the first end is the audit's).
     */
    async end(id: number, endedBy: ImpersonationEnd, now = new Date()) {
      const row: ImpersonationRow | null = await rows().findOne({ where: { id } });
      if (!row) return null;
      if (!row.endedAt) {
        await rows().update({ where: { id }, data: { endedAt: now, endedBy } });
      }
      await endSession(row.sessionUid);
      return toRecord(await rows().findOne({ where: { id } }));
    },

    /** Marks impersonations whose time ran out as ended by expiry (their sessions are gone). */
    async closeExpired(now = new Date()) {
      const expired: ImpersonationRow[] = await rows().findMany({
        where: { endedAt: { $null: true }, expiresAt: { $lte: now } },
        select: ['id', 'expiresAt', 'sessionUid'],
      });
      for (const row of expired) {
        await rows().update({
          where: { id: row.id },
          data: { endedAt: row.expiresAt, endedBy: 'expiry' },
        });
        await endSession(row.sessionUid);
      }
    },

    /** A deleted person's impersonations end with them (the audit rows stay). */
    async endForTarget(targetSub: string, now = new Date()) {
      const live: ImpersonationRow[] = await rows().findMany({
        where: { targetSub, endedAt: { $null: true } },
        select: ['id'],
      });
      for (const row of live) await this.end(row.id, 'target-deleted', now);
    },

    /** The audit, newest first. */
    async list(page: number, now = new Date()) {
      await this.closeExpired(now);
      const [data, total] = await Promise.all([
        rows().findMany({
          orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
          offset: (page - 1) * AUDIT_PAGE_SIZE,
          limit: AUDIT_PAGE_SIZE,
        }),
        rows().count(),
      ]);
      return {
        data: (data as ImpersonationRow[]).map(toRecord),
        pagination: {
          page,
          pageSize: AUDIT_PAGE_SIZE,
          total,
          pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
        },
      };
    },
  };
};

export type ImpersonationsService = ReturnType<typeof impersonations>;
export default impersonations;
