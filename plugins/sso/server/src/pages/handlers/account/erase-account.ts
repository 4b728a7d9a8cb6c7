import type { Core } from '@strapi/strapi';

import {
  CREDENTIAL,
  EMAIL_TOKEN,
  EXTERNAL_IDENTITY,
  LOGIN_EVENT,
  PASSKEY,
  REMEMBERED_DEVICE,
  SECOND_FACTOR,
  USER,
} from '../../../content-types/uids';
import type { Account } from '../../../services/accounts';
import { revokeEverythingOf } from '../../../services/oidc-adapter';

/** ID's records that point at a user and would otherwise outlive them. */
const OWNED_BY_USER = [
  LOGIN_EVENT,
  EMAIL_TOKEN,
  CREDENTIAL,
  EXTERNAL_IDENTITY,
  PASSKEY,
  SECOND_FACTOR,
  REMEMBERED_DEVICE,
];

/**
 * Deletes an account for real, in one transaction: its sessions, grants and tokens, sign-in
 * history, email links and password, then the user itself, whose relations (role, clinics owned
 * or administered) go with its row.
 */
export const eraseAccount = async (
  strapi: Core.Strapi,
  account: Pick<Account, 'id' | 'documentId'>
) => {
  await strapi.db.transaction(async () => {
    await revokeEverythingOf(strapi, account.documentId);
    for (const uid of OWNED_BY_USER) {
      await strapi.db.query(uid).deleteMany({ where: { user: { id: account.id } } });
    }
    await strapi.documents(USER).delete({ documentId: account.documentId });
  });
};
