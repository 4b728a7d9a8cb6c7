import type { Core } from '@strapi/strapi';

import { syncAdminAccessOf, syncAllAdminAccess } from '../admin-sign-in/access-sync';
import { staffAdminAccess } from '../admin-sign-in/staff-admin-access';

/**
 * Admin panel access of staff who sign in through ID. Whatever changes the directory outside
 * the database lifecycles this plugin watches (the LDAP sync, a bulk import) calls
 * `syncAdminAccess` for each account it touched.
 */
const adminAccess = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** What the directory gives ID account `userId` in the admin panel now. */
  accessOf: (userId: number) => staffAdminAccess(strapi, userId),
  /**
   * Brings the admin user of ID account `userId` in line with the directory: its roles follow
   * its groups; with no admin role left (or blocked, or no longer staff) it is deactivated and
   * its admin sessions end at once.
   */
  syncAdminAccess: (userId: number) => syncAdminAccessOf(strapi, userId),
  /** The same for every admin user created through ID (the safety-net job). */
  syncAll: () => syncAllAdminAccess(strapi),
});

export type AdminAccessService = ReturnType<typeof adminAccess>;
export default adminAccess;
