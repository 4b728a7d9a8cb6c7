import type { Core } from '@strapi/strapi';

import { ADMIN_LINK, ADMIN_USER } from '../content-types/uids';
import { endAdminSessions } from './admin-session';
import { staffAdminAccess } from './staff-admin-access';

interface LinkRow {
  id: number;
  adminUserId: number;
  user?: { id: number } | null;
}

const sameIds = (a: number[], b: number[]) =>
  a.length === b.length && a.every((id, index) => id === b[index]);

/**
 * Brings one linked admin user in line with the directory. Narrowing only: roles follow the
 * groups while access lasts; when it ends the user is left with no roles, deactivated, and
 * every session of theirs ended. Access is given back only by signing in through ID again, so a
 * person a super admin deactivated by hand is never woken up by a sync.
 */
const applyDirectory = async (strapi: Core.Strapi, link: LinkRow) => {
  const adminUser: { id: number; isActive: boolean; roles?: { id: number }[] } | null =
    await strapi.db
      .query(ADMIN_USER)
      .findOne({ where: { id: link.adminUserId }, populate: ['roles'] });
  if (!adminUser) {
    // Deleted in the panel: the next sign-in through ID creates a new one.
    await strapi.db.query(ADMIN_LINK).delete({ where: { id: link.id } });
    return;
  }
  const access = link.user ? await staffAdminAccess(strapi, link.user.id) : null;
  const current = (adminUser.roles ?? []).map((role) => role.id).sort((a, b) => a - b);
  if (access?.allowed) {
    if (adminUser.isActive && !sameIds(current, access.roleIds)) {
      await strapi.db
        .query(ADMIN_USER)
        .update({ where: { id: adminUser.id }, data: { roles: access.roleIds } });
    }
    return;
  }
  if (adminUser.isActive || current.length > 0) {
    await strapi.db
      .query(ADMIN_USER)
      .update({ where: { id: adminUser.id }, data: { roles: [], isActive: false } });
    strapi.log.info(`ID admin access ended for admin user ${adminUser.id}`);
  }
  await endAdminSessions(strapi, adminUser.id);
};

/** Re-reads the directory for the admin user of ID account `userId` (if it has one). */
export const syncAdminAccessOf = async (strapi: Core.Strapi, userId: number) => {
  const link: LinkRow | null = await strapi.db
    .query(ADMIN_LINK)
    .findOne({ where: { user: { id: userId } }, populate: ['user'] });
  if (link) await applyDirectory(strapi, link);
};

/** Re-reads the directory for every admin user ID manages (a few dozen staff at most). */
export const syncAllAdminAccess = async (strapi: Core.Strapi) => {
  const links: LinkRow[] = await strapi.db.query(ADMIN_LINK).findMany({ populate: ['user'] });
  for (const link of links) await applyDirectory(strapi, link);
};
