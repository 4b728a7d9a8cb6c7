import type { Core } from '@strapi/strapi';

import { ADMIN_ROLE, USER } from '../content-types/uids';
import { getService } from '../utils';
import type { AdminSignInErrorCode } from './errors';

/** What an ID account may do in the admin panel right now. */
export type StaffAdminAccess =
  { allowed: true; roleIds: number[] } | { allowed: false; code: AdminSignInErrorCode };

/**
 * The staff directory decides: an account that is not blocked, is active staff, and whose groups
 * name at least one existing admin role (by code) gets exactly those roles; anyone else none.
 */
export const staffAdminAccess = async (
  strapi: Core.Strapi,
  userId: number
): Promise<StaffAdminAccess> => {
  const user: { blocked?: boolean | null } | null = await strapi.db
    .query(USER)
    .findOne({ where: { id: userId }, select: ['id', 'blocked'] });
  if (!user) return { allowed: false, code: 'ERR_ADMIN_SIGN_IN_NO_ACCOUNT' };
  if (user.blocked) return { allowed: false, code: 'ERR_ADMIN_SIGN_IN_BLOCKED' };
  const access = await getService(strapi, 'staff-directory').accessOf(userId);
  if (!access) return { allowed: false, code: 'ERR_ADMIN_SIGN_IN_NOT_STAFF' };
  if (access.adminRoles.length === 0) {
    return { allowed: false, code: 'ERR_ADMIN_SIGN_IN_NO_ADMIN_ROLE' };
  }
  // A code no admin role has (a typo, a role deleted since) gives nothing.
  const roles: { id: number }[] = await strapi.db
    .query(ADMIN_ROLE)
    .findMany({ where: { code: { $in: access.adminRoles } }, select: ['id'] });
  if (roles.length === 0) return { allowed: false, code: 'ERR_ADMIN_SIGN_IN_NO_ADMIN_ROLE' };
  return { allowed: true, roleIds: roles.map((role) => role.id).sort((a, b) => a - b) };
};
