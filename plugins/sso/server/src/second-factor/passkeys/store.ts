import type { Core } from '@strapi/strapi';
import type { CredentialDeviceType, WebAuthnCredential } from '@simplewebauthn/server';

type Transports = NonNullable<WebAuthnCredential['transports']>;

import { PASSKEY } from '../../content-types/uids';
import { ownedBy } from '../../utils/owned-by';

/** A registered passkey as its owner sees it (no key material). */
export interface PasskeySummary {
  id: number;
  label: string;
  deviceType: CredentialDeviceType;
  backedUp: boolean;
  createdAt: string;
  lastUsedAt: string | null;
}

/** A passkey with what verifying an assertion needs. */
export interface StoredPasskey extends PasskeySummary {
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: Transports | null;
  user: { id: number; documentId: string } | null;
}

export interface NewPasskey {
  userId: number;
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: Transports;
  deviceType: CredentialDeviceType;
  backedUp: boolean;
  label: string;
}

export const LABEL_MAX_LENGTH = 60;

const SUMMARY = ['id', 'label', 'deviceType', 'backedUp', 'createdAt', 'lastUsedAt'] as const;

/** Stored counters come back as strings from biginteger columns. */
const withNumericCounter = <T extends { counter: unknown }>(row: T) => ({
  ...row,
  counter: Number(row.counter),
});

/** Every read and write of passkeys; every method that takes a user acts on theirs only. */
export const passkeyStore = (strapi: Core.Strapi) => {
  const rows = () => strapi.db.query(PASSKEY);
  // Bulk writes cannot filter on a relation: ownership is checked by a read first.
  const owned = async (userId: number, id: number) =>
    (await rows().count({ where: { id, user: { id: userId } } })) === 1;

  return {
    async listFor(userId: number): Promise<PasskeySummary[]> {
      return rows().findMany({
        where: { user: { id: userId } },
        select: [...SUMMARY],
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
    },

    async credentialIdsOf(userId: number) {
      const found: Pick<StoredPasskey, 'credentialId' | 'transports'>[] = await rows().findMany({
        where: { user: { id: userId } },
        select: ['credentialId', 'transports'],
      });
      return found;
    },

    async findByCredentialId(credentialId: string): Promise<StoredPasskey | null> {
      const row = await rows().findOne({
        where: { credentialId },
        populate: { user: { select: ['id', 'documentId'] } },
      });
      return row ? withNumericCounter(row) : null;
    },

    async create(passkey: NewPasskey, now = new Date()) {
      const { userId, ...fields } = passkey;
      await rows().create({ data: { ...fields, user: userId, createdAt: now } });
    },

    /** False when the user has no such passkey (someone else's, or gone). */
    async rename(userId: number, id: number, label: string) {
      if (!(await owned(userId, id))) return false;
      await rows().update({ where: { id }, data: { label } });
      return true;
    },

    async remove(userId: number, id: number) {
      if (!(await owned(userId, id))) return false;
      const { count } = await rows().deleteMany({ where: { id } });
      return count === 1;
    },

    /** After a verified assertion: the authenticator's new counter and backup state. */
    async recordUse(id: number, use: { counter: number; backedUp: boolean }, now = new Date()) {
      await rows().update({
        where: { id },
        data: { counter: use.counter, backedUp: use.backedUp, lastUsedAt: now },
      });
    },

    async countFor(userId: number) {
      return rows().count({ where: await ownedBy(strapi, PASSKEY, userId) });
    },
  };
};

/**
 * Whether the user has at least one passkey: the second-step logic may accept one as the staff
 * second factor.
 */
export const hasPasskey = async (strapi: Core.Strapi, userId: number) =>
  (await passkeyStore(strapi).countFor(userId)) > 0;
