import type { Core } from '@strapi/strapi';

import type { SipAccountInput, SipAccountSummary, SipCredentials } from '../../../shared/contracts';
import { ADMIN_USER, SIP_ACCOUNT } from '../content-types/uids';
import { createSecretBox } from '../crypto/secret-box';
import { notFound } from '../errors';

interface SipAccountRow {
  id: number;
  sipUri: string;
  authorizationUser: string | null;
  displayName: string | null;
  wsUrl: string;
  sealedPassword: string;
}

const summaryOf = (userId: number, row: SipAccountRow): SipAccountSummary => ({
  userId,
  sipUri: row.sipUri,
  authorizationUser: row.authorizationUser ?? null,
  displayName: row.displayName ?? null,
  wsUrl: row.wsUrl,
});

/** Agents' SIP accounts, one per admin-panel user, the password sealed at rest. */
export const sipAccounts = (strapi: Core.Strapi) => {
  const box = () => createSecretBox(strapi.plugin('telephony').config('encryptionKey') as string);
  const rowOf = (userId: number) =>
    strapi.db
      .query(SIP_ACCOUNT)
      .findOne({ where: { user: userId } }) as Promise<SipAccountRow | null>;

  return {
    /** Creates or replaces the user's account; the password is sealed before it is written. */
    async set(userId: number, input: Required<SipAccountInput>): Promise<SipAccountSummary> {
      const user = await strapi.db.query(ADMIN_USER).findOne({ where: { id: userId } });
      if (!user) throw notFound('Admin user');
      const data = {
        sipUri: input.sipUri,
        authorizationUser: input.authorizationUser,
        displayName: input.displayName,
        wsUrl: input.wsUrl,
        sealedPassword: box().seal(input.password),
      };
      const existing = await rowOf(userId);
      const row = (
        existing
          ? await strapi.db.query(SIP_ACCOUNT).update({ where: { id: existing.id }, data })
          : await strapi.db.query(SIP_ACCOUNT).create({ data: { ...data, user: userId } })
      ) as SipAccountRow;
      return summaryOf(userId, row);
    },

    /** The user's own credentials, opened to register their softphone; null without an account. */
    async credentialsOf(userId: number): Promise<SipCredentials | null> {
      const row = await rowOf(userId);
      if (!row) return null;
      return { ...summaryOf(userId, row), password: box().open(row.sealedPassword) };
    },
  };
};
