import type { Core } from '@strapi/strapi';

import { ADMIN_LINK, ADMIN_USER } from '../content-types/uids';
import { AdminSignInError } from './errors';

/** The admin panel user as this module reads it. */
export interface AdminUserRow {
  id: number;
  email: string;
  isActive: boolean;
  roles?: { id: number }[];
}

/** Who signed in, as ID's claims tell it. */
export interface StaffProfile {
  userId: number;
  email: string;
  name?: string;
}

/** "Анна Петровна Иванова" → first name "Анна", last name "Петровна Иванова". */
const splitName = (profile: StaffProfile) => {
  const words = (profile.name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { firstname: profile.email.split('@')[0], lastname: null };
  return { firstname: words[0], lastname: words.slice(1).join(' ') || null };
};

/** The admin user linked to an ID account, if it still exists. */
export const linkedAdminUser = async (
  strapi: Core.Strapi,
  userId: number
): Promise<{ linkId: number; adminUser: AdminUserRow | null } | null> => {
  const link: { id: number; adminUserId: number } | null = await strapi.db
    .query(ADMIN_LINK)
    .findOne({ where: { user: { id: userId } } });
  if (!link) return null;
  const adminUser: AdminUserRow | null = await strapi.db
    .query(ADMIN_USER)
    .findOne({ where: { id: link.adminUserId }, populate: ['roles'] });
  return { linkId: link.id, adminUser };
};

/**
 * The admin panel user of a staff member, created on their first sign-in through ID (or an
 * existing one with their email, taken over: from then on ID manages its roles), with the roles
 * their groups give and no password set up (`registrationToken` null: never invited).
 * The first super admin is never taken over: it is the break-glass account, kept by password.
 */
export const upsertAdminUser = async (
  strapi: Core.Strapi,
  profile: StaffProfile,
  roleIds: number[]
): Promise<AdminUserRow> => {
  const email = profile.email.toLowerCase();
  const data = {
    email,
    ...splitName(profile),
    isActive: true,
    registrationToken: null,
    roles: roleIds,
  };
  const linked = await linkedAdminUser(strapi, profile.userId);
  if (linked?.adminUser) {
    return strapi.db
      .query(ADMIN_USER)
      .update({ where: { id: linked.adminUser.id }, data, populate: ['roles'] });
  }
  const existing: AdminUserRow | null = await strapi.db
    .query(ADMIN_USER)
    .findOne({ where: { email } });
  if (existing && (await strapi.service('admin::user').isFirstSuperAdminUser(existing.id))) {
    throw new AdminSignInError(
      'ERR_ADMIN_SIGN_IN_NOT_STAFF',
      'The first super admin signs in with a password only'
    );
  }
  const adminUser: AdminUserRow = existing
    ? await strapi.db
        .query(ADMIN_USER)
        .update({ where: { id: existing.id }, data, populate: ['roles'] })
    : await strapi.db.query(ADMIN_USER).create({ data, populate: ['roles'] });
  if (linked) await strapi.db.query(ADMIN_LINK).delete({ where: { id: linked.linkId } });
  await strapi.db
    .query(ADMIN_LINK)
    .create({ data: { user: profile.userId, adminUserId: adminUser.id } });
  return adminUser;
};
