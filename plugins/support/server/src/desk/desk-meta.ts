import type { Core } from '@strapi/strapi';

import type { SupportMeta } from '../../../shared/contracts';
import { agentOf, allAgents } from '../agents/agent-profile';
import { ADMIN_USER, GROUP, MACRO } from '../content-types/uids';
import type { DeskRights } from '../rights/desk-rights';
import { agentName } from '../tickets/ticket-row';
import { listBoards, listFilters } from './saved-views';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

/** What the Support page needs before it shows anything: who I am, groups, agents, views. */
export const deskMeta = async (strapi: Core.Strapi, rights: DeskRights): Promise<SupportMeta> => {
  const [groups, agents, users, macros, me, filters, boards] = await Promise.all([
    strapi.db.query(GROUP).findMany({ orderBy: { id: 'asc' } }) as Promise<Row[]>,
    allAgents(strapi),
    strapi.db.query(ADMIN_USER).findMany({ select: ['id', 'firstname', 'lastname'] }) as Promise<
      Row[]
    >,
    strapi.db
      .query(MACRO)
      .findMany({ populate: { group: { select: ['id'] } }, orderBy: { name: 'asc' } }) as Promise<
      Row[]
    >,
    agentOf(strapi, rights.agentId),
    listFilters(strapi, rights),
    listBoards(strapi, rights),
  ]);
  const nameOf = (id: number) => {
    const user = users.find((candidate) => candidate.id === id);
    return user ? (agentName({ firstname: user.firstname, lastname: user.lastname }) ?? '') : '';
  };
  return {
    me: {
      id: rights.agentId,
      name: nameOf(rights.agentId),
      status: me?.status ?? 'away',
      groupIds: rights.groupIds,
      rights: { allGroups: rights.allGroups, lead: rights.lead, moderate: rights.moderate },
    },
    groups: groups
      .filter((group) => rights.allGroups || rights.groupIds.includes(group.id))
      .map((group) => ({ id: group.id, slug: group.slug, name: group.name })),
    agents: agents.map((agent) => ({
      id: agent.userId,
      name: nameOf(agent.userId),
      status: agent.status,
      groupIds: agent.groupIds,
    })),
    macros: macros
      .filter(
        (macro) => !macro.group || rights.allGroups || rights.groupIds.includes(macro.group.id)
      )
      .map((macro) => ({
        id: macro.id,
        name: macro.name,
        body: macro.body ?? '',
        setStatus: macro.setStatus ?? null,
        setPriority: macro.setPriority ?? null,
        addTags: macro.addTags ?? [],
      })),
    filters,
    boards,
  };
};
