import type { Core } from '@strapi/strapi';

import type { AgentStatus } from '../../../shared/contracts';
import { AGENT } from '../content-types/uids';

export interface AgentProfile {
  id: number;
  userId: number;
  groupIds: number[];
  status: AgentStatus;
  /** Takes new tickets and pop-ups: neither busy (on a call) nor away. */
  available: boolean;
  lastAssignedAt: Date | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toProfile = (row: any): AgentProfile => {
  const status: AgentStatus = row.status ?? 'away';
  return {
    id: row.id,
    userId: row.user.id,
    groupIds: (row.groups ?? []).map((group: { id: number }) => group.id),
    status,
    available: status === 'available',
    lastAssignedAt: row.lastAssignedAt ? new Date(row.lastAssignedAt) : null,
  };
};

const POPULATE = { user: { select: ['id'] }, groups: { select: ['id'] } };

/** The desk profile of an admin-panel user: their groups and availability; null if none. */
export const agentOf = async (strapi: Core.Strapi, userId: number) => {
  const row = await strapi.db
    .query(AGENT)
    .findOne({ where: { user: { id: userId } }, populate: POPULATE });
  return row ? toProfile(row) : null;
};

/** Every agent's profile. */
export const allAgents = async (strapi: Core.Strapi) =>
  ((await strapi.db.query(AGENT).findMany({ populate: POPULATE })) as unknown[])
    .filter((row) => (row as { user?: unknown }).user)
    .map(toProfile);

/** Creates or updates an agent's profile (group membership, availability). */
export const saveAgent = async (
  strapi: Core.Strapi,
  userId: number,
  changes: { groupIds?: number[]; status?: AgentStatus }
) => {
  const existing = await agentOf(strapi, userId);
  const data = {
    ...(changes.groupIds ? { groups: changes.groupIds } : {}),
    ...(changes.status === undefined ? {} : { status: changes.status }),
  };
  if (existing) await strapi.db.query(AGENT).update({ where: { id: existing.id }, data });
  else await strapi.db.query(AGENT).create({ data: { user: userId, ...data } });
  return agentOf(strapi, userId);
};
