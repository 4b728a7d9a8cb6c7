import type { Core } from '@strapi/strapi';

/** What Support's desk-access policy leaves on `ctx.state.supportRights`. */
export interface DeskScope {
  agentId: number;
  allGroups: boolean;
  groupIds: number[];
}

const GROUP = 'plugin::support.group';

/** The slugs of the Support groups an agent works: integrations name their group by slug. */
export const groupSlugsOf = async (strapi: Core.Strapi, scope: DeskScope) => {
  if (scope.groupIds.length === 0) return new Set<string>();
  const groups = (await strapi.db
    .query(GROUP)
    .findMany({ select: ['slug'], where: { id: { $in: scope.groupIds } } })) as { slug: string }[];
  return new Set(groups.map((group) => group.slug));
};

/**
 * An agent may use an integration of a group they work, or one for every group; leads with
 * every group may use all.
 */
export const mayUseIntegration = async (
  strapi: Core.Strapi,
  scope: DeskScope,
  integration: { group: string | null }
) =>
  scope.allGroups ||
  !integration.group ||
  (await groupSlugsOf(strapi, scope)).has(integration.group);
