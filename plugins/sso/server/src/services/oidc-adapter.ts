import type { Core } from '@strapi/strapi';
import type { Adapter, AdapterConstructor, AdapterPayload } from 'oidc-provider';

import { OIDC_RECORD } from '../content-types/uids';
import { getService } from '../utils';
import { plainTable } from '../utils/plain-table';
import { impersonationHooks } from '../impersonation/provider-hooks';
import { createJwtRecords } from './jwt-records';

/** A record's row as the table holds it: JSON text and epoch milliseconds on SQLite. */
interface RecordRow {
  payload: AdapterPayload | string;
  expires_at: number | string | Date | null;
  consumed_at: number | string | Date | null;
}

/**
 * oidc-provider's storage in the platform's database (SQLite or PostgreSQL): sessions, grants,
 * codes, refresh tokens and interactions, one table for all. Clients come from their own table.
 */
export const createOidcAdapter = (strapi: Core.Strapi): AdapterConstructor => {
  const records = () => strapi.db.query(OIDC_RECORD);
  const revocations = () => getService(strapi, 'token-revocations');
  const jwts = createJwtRecords(strapi);
  const impersonation = impersonationHooks(strapi);

  // Every read and write of the provider goes to the table itself: a sign-in reads and writes
  // a dozen records.
  const { query: table, column, row: byColumn } = plainTable(strapi, OIDC_RECORD);

  const toPayload = (row: RecordRow | undefined): AdapterPayload | undefined => {
    if (!row) return undefined;
    if (row.expires_at !== null && new Date(row.expires_at).getTime() <= Date.now()) {
      return undefined;
    }
    const payload: AdapterPayload =
      typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
    return row.consumed_at === null
      ? payload
      : { ...payload, consumed: Math.floor(new Date(row.consumed_at).getTime() / 1000) };
  };

  const findRecord = async (where: Record<string, string>) =>
    toPayload(
      await table()
        .where(byColumn(where))
        .first(column('payload'), column('expiresAt'), column('consumedAt'))
    );

  /**
   * One statement, `INSERT … ON CONFLICT (key) DO UPDATE`, on the unique index of `key`: every
   * sign-in stores several records, and Strapi's query engine would need an update, then an
   * insert in a transaction, for each new one. `consumedAt` is kept, as oidc-provider expects.
   */
  const upsertRecord = async (record: Record<string, unknown>) => {
    await table().insert(byColumn(record)).onConflict(column('key')).merge();
  };

  return class DatabaseAdapter implements Adapter {
    constructor(private readonly model: string) {}

    private key(id: string) {
      return `${this.model}:${id}`;
    }

    async upsert(id: string, payload: AdapterPayload, rawExpiresIn: number) {
      // oidc-provider extends a session on every save; an impersonated one ends on time anyway.
      const expiresIn =
        this.model === 'Session'
          ? await impersonation.cappedSessionTtl(payload.uid, rawExpiresIn)
          : rawExpiresIn;
      await upsertRecord({
        key: this.key(id),
        model: this.model,
        payload: JSON.stringify(payload),
        grantId: payload.grantId ?? null,
        uid: payload.uid ?? null,
        userCode: payload.userCode ?? null,
        accountId: payload.accountId ?? null,
        expiresAt: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
      });
    }

    async find(id: string) {
      if (this.model === 'Client') {
        const client = await getService(strapi, 'clients').find(id);
        return client ? (client.metadata as AdapterPayload) : undefined;
      }
      if (jwts.isJwtLookup(this.model, id)) return jwts.find(this.model, id);
      return findRecord({ key: this.key(id) });
    }

    async findByUid(uid: string) {
      return findRecord({ model: this.model, uid });
    }

    async findByUserCode(userCode: string) {
      return findRecord({ model: this.model, userCode });
    }

    async consume(id: string) {
      await table()
        .where(column('key'), this.key(id))
        .update({ [column('consumedAt')]: new Date() });
    }

    async destroy(id: string) {
      if (await jwts.destroy(this.model, id)) return;
      await table().where(column('key'), this.key(id)).delete();
    }

    async revokeByGrantId(grantId: string) {
      // oidc-provider revokes a grant model by model, access tokens always first: the JWTs of
      // the grant are refused from then on (before anything is awaited), the records deleted.
      const refuseJwts = this.model === 'AccessToken' && revocations().revokeGrant(grantId);
      await Promise.all([records().deleteMany({ where: { grantId } }), refuseJwts]);
    }
  };
};

/** Deletes expired records; run on a schedule. */
export const pruneExpiredRecords = async (strapi: Core.Strapi, now = new Date()) => {
  await strapi.db.query(OIDC_RECORD).deleteMany({ where: { expiresAt: { $lt: now } } });
};

/**
 * Ends grants of `accountId` (all of them, or those `where` selects): their records go, and
 * the JWT access tokens issued from them are refused.
 */
export const revokeGrantsOf = async (
  strapi: Core.Strapi,
  accountId: string,
  where: Record<string, unknown> = {}
) => {
  const grants: { key: string }[] = await strapi.db.query(OIDC_RECORD).findMany({
    where: { ...where, model: 'Grant', accountId },
    select: ['key'],
  });
  const revocations = getService(strapi, 'token-revocations');
  await Promise.all(grants.map(({ key }) => revocations.revokeGrant(key.slice('Grant:'.length))));
};

/** Ends every session, grant and token of a user at once (e.g. when blocked). */
export const revokeEverythingOf = async (strapi: Core.Strapi, accountId: string) => {
  await revokeGrantsOf(strapi, accountId);
  await strapi.db.query(OIDC_RECORD).deleteMany({ where: { accountId } });
};
