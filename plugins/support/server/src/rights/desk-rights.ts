import type { Core } from '@strapi/strapi';

import { DESK_PERMISSIONS, type SupportRights } from '../../../shared/contracts';
import { GROUP } from '../content-types/uids';
import { agentOf } from '../agents/agent-profile';
import { MODERATION_GROUP } from '../routing/default-groups';
import { moderationPermission } from '../moderation/moderation-subjects';

/** What an admin-panel user may do at the desk, and which groups' tickets they see. */
export interface DeskRights extends SupportRights {
  agentId: number;
  /** Every group whose tickets this agent sees and works. */
  groupIds: number[];
  /** May work the desk at all. */
  desk: boolean;
}

interface AdminUser {
  id: number;
}

/**
 * Reads an admin-panel user's rights from their roles' permissions: Agent (their groups),
 * Moderator (Moderation only), Support lead (every group, assignment, SLA, figures). Super
 * Admins hold every action. Checked on every request, so a role change applies at once.
 */
export const rightsOf = async (strapi: Core.Strapi, user: AdminUser): Promise<DeskRights> => {
  const permissions: { action: string }[] = await strapi
    .service('admin::permission')
    .findUserPermissions(user);
  const held = new Set(permissions.map((permission) => permission.action));
  const work = held.has(DESK_PERMISSIONS.work);
  const moderation = held.has(DESK_PERMISSIONS.moderation);
  const allGroups = held.has(DESK_PERMISSIONS.allGroups);
  const lead = held.has(DESK_PERMISSIONS.lead);

  const groups: { id: number; slug: string }[] = await strapi.db
    .query(GROUP)
    .findMany({ select: ['id', 'slug'] });
  const memberOf = work ? ((await agentOf(strapi, user.id))?.groupIds ?? []) : [];
  const groupIds = allGroups
    ? groups.map((group) => group.id)
    : [
        ...new Set([
          ...memberOf,
          ...(moderation ? groups.filter((g) => g.slug === MODERATION_GROUP).map((g) => g.id) : []),
        ]),
      ];
  return {
    agentId: user.id,
    groupIds,
    desk: work || moderation || allGroups,
    allGroups,
    lead,
    moderate: held.has(moderationPermission(strapi) ?? ''),
  };
};
