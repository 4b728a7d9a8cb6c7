import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { rightsOf, type DeskRights } from '../rights/desk-rights';

/**
 * Lets through admin-panel users with a desk right (agent, moderator, lead), their rights
 * read now and left on `ctx.state.supportRights` for the action to scope by.
 */
const deskAccess = async (
  policyContext: Context & { state: { user?: { id: number }; supportRights?: DeskRights } },
  _config: unknown,
  { strapi }: { strapi: Core.Strapi }
) => {
  const user = policyContext.state.user;
  if (!user) return false;
  const rights = await rightsOf(strapi, user);
  policyContext.state.supportRights = rights;
  return rights.desk;
};

export default deskAccess;
