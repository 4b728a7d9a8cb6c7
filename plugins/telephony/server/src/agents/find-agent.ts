import type { Core } from '@strapi/strapi';

import { ADMIN_USER } from '../content-types/uids';

/**
 * The admin-panel user a PBX names as the one who answered: PBXs name agents by their e-mail or
 * login (Zammad's `user`), or by the extension that picked up.
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
  }
  return null;
};
