import type { Core } from '@strapi/strapi';
import type { Adapter, AdapterConstructor, AdapterPayload } from 'oidc-provider';

import { getService } from '../utils';

const RECORD = 'plugin::sso.oidc-record';

interface RecordRow {
  id: number;
  payload: AdapterPayload;
  expiresAt: string | null;
  consumedAt: string | null;
}

/**
 * oidc-provider's storage in the platform's database (SQLite or PostgreSQL): sessions, grants,
 * codes, refresh tokens and interactions, one table for all. Clients come from their own table.
 */
export const createOidcAdapter = (strapi: Core.Strapi): AdapterConstructor => {
  const records = () => strapi.db.query(RECORD);

  const toPayload = (row: RecordRow | null): AdapterPayload | undefined => {
    if (!row) return undefined;
    if (row.expiresAt && new Date(row.expiresAt).getTime() <= Date.now()) return undefined;
    return row.consumedAt
      ? { ...row.payload, consumed: Math.floor(new Date(row.consumedAt).getTime() / 1000) }
      : row.payload;
  };

  /**
   * One statement, `INSERT … ON CONFLICT (key) DO UPDATE`, on the unique index of `key`: every
   * sign-in stores several records, and Strapi's query engine would need an update, then an
   * insert in a transaction, for each new one. `consumedAt` is kept, as oidc-provider expects.
   */
  const upsertRecord = async (record: Record<string, unknown>) => {
    const { tableName, attributes } = strapi.db.metadata.get(RECORD);
    const row = Object.fromEntries(
      Object.entries(record).map(([name, value]) => [
        (attributes[name] as { columnName?: string }).columnName ?? name,
        value,
      ])
    );
    await strapi.db.connection(tableName).insert(row).onConflict('key').merge();
  };

  return class DatabaseAdapter implements Adapter {
    constructor(private readonly model: string) {}

    private key(id: string) {
      return `${this.model}:${id}`;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number) {
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
      return toPayload(await records().findOne({ where: { key: this.key(id) } }));
    }

    async findByUid(uid: string) {
      return toPayload(await records().findOne({ where: { model: this.model, uid } }));
    }

    async findByUserCode(userCode: string) {
      return toPayload(await records().findOne({ where: { model: this.model, userCode } }));
    }

    async consume(id: string) {
      await records().updateMany({
        where: { key: this.key(id) },
        data: { consumedAt: new Date() },
      });
    }

    async destroy(id: string) {
      await records().deleteMany({ where: { key: this.key(id) } });
    }

    async revokeByGrantId(grantId: string) {
      await records().deleteMany({ where: { grantId } });
    }
  };
};

/** Deletes expired records; run on a schedule. */
export const pruneExpiredRecords = async (strapi: Core.Strapi, now = new Date()) => {
  await strapi.db.query(RECORD).deleteMany({ where: { expiresAt: { $lt: now } } });
};

/** Ends every session, grant and refresh token of a user at once (e.g. when blocked). */
export const revokeEverythingOf = async (strapi: Core.Strapi, accountId: string) => {
  await strapi.db.query(RECORD).deleteMany({ where: { accountId } });
};
