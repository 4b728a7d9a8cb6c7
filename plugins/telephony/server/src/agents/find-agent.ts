import type { Core } from '@strapi/strapi';

import { ADMIN_USER, SIP_ACCOUNT } from '../content-types/uids';

const SIP_USER = /^sips?:([^@;]+)@/;

/**
 * The admin user whose SIP account is `sip:<name>@…` (or authorises as `<name>`). The database
 * narrows by prefix; the exact user part is compared here, since LIKE would read `_` as a wildcard.
 */
const userOfSipAccount = async (strapi: Core.Strapi, name: string) => {
  const accounts = (await strapi.db.query(SIP_ACCOUNT).findMany({
    select: ['sipUri', 'authorizationUser'],
    where: {
      $or: [
        { sipUri: { $startsWith: `sip:${name}@` } },
        { sipUri: { $startsWith: `sips:${name}@` } },
        { authorizationUser: name },
      ],
    },
    populate: { user: { select: ['id'] } },
    limit: 10,
  })) as { sipUri: string; authorizationUser: string | null; user: { id: number } | null }[];
  const account = accounts.find(
    (row) => row.authorizationUser === name || SIP_USER.exec(row.sipUri)?.[1] === name
  );
  return account?.user?.id ?? null;
};

/**
 * The admin-panel user a PBX names as the one who answered: PBXs name agents by their e-mail or
 * login (Zammad's `user`), or by the SIP user (extension) that picked up.
 */
export const findAgent = async (strapi: Core.Strapi, names: readonly string[]) => {
  for (const name of names) {
    const value = name.trim();
    if (!value) continue;
    const user = await strapi.db.query(ADMIN_USER).findOne({
      select: ['id'],
      where: { $or: [{ email: value.toLowerCase() }, { username: value }] },
    });
    if (user) return user.id as number;
    const sipUser = await userOfSipAccount(strapi, value);
    if (sipUser) return sipUser;
  }
  return null;
};
