import type { TestCms } from './strapi-harness';

/** The sign-in history ID keeps for the account with this email, newest first. */
export const loginEventsOf = async (cms: TestCms, email: string) => {
  const user = await cms.strapi.db
    .query('plugin::users-permissions.user')
    .findOne({ where: { email } });
  return cms.strapi.plugin('sso').service('login-history').forUser(user.id);
};
