import type { Core } from '@strapi/strapi';

/**
 * Creates the first admin-panel user (a Super Admin) from ADMIN_EMAIL / ADMIN_PASSWORD, once:
 * nothing happens when any admin exists, so a changed password in `.env` never overwrites one.
 */
export const ensureFirstAdmin = async (strapi: Core.Strapi): Promise<boolean> => {
  const email = process.env.ADMIN_EMAIL;
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) return false;

  const users = strapi.service('admin::user');
  if (await users.exists()) return false;

  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await users.create({
    email: email.toLowerCase(),
    firstname: 'Platform',
    lastname: 'Admin',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  strapi.log.info('Created the first admin-panel user from ADMIN_EMAIL.');
  return true;
};
