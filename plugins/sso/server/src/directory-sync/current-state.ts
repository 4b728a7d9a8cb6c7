import type { Core } from '@strapi/strapi';

import { DEPARTMENT, POSITION, STAFF_GROUP, STAFF_MEMBER, USER } from '../content-types/uids';

/** The staff directory as it is now, as the planner compares it. */
export interface CurrentDirectory {
  departments: {
    id: number;
    code: string;
    name: string;
    parentId: number | null;
    externalId: string | null;
  }[];
  positions: { id: number; title: string }[];
  groups: { id: number; code: string; name: string; externalId: string | null }[];
  members: {
    id: number;
    externalId: string | null;
    active: boolean;
    userId: number | null;
    departmentId: number | null;
    positionId: number | null;
    groupIds: number[];
  }[];
  /** Accounts of staff members, and accounts having a directory person's email. */
  users: { id: number; email: string; fullName: string | null; blocked: boolean }[];
}

interface MemberRow {
  id: number;
  externalId: string | null;
  active: boolean;
  user?: { id: number } | null;
  department?: { id: number } | null;
  position?: { id: number } | null;
  groups?: { id: number }[];
}

/** Reads the staff directory (a few thousand rows at most: a company's staff). */
export const readCurrentDirectory = async (
  strapi: Core.Strapi,
  emails: string[]
): Promise<CurrentDirectory> => {
  const [departments, positions, groups, members] = await Promise.all([
    strapi.db.query(DEPARTMENT).findMany({
      select: ['id', 'code', 'name', 'externalId'],
      populate: { parent: { select: ['id'] } },
    }),
    strapi.db.query(POSITION).findMany({ select: ['id', 'title'] }),
    strapi.db.query(STAFF_GROUP).findMany({ select: ['id', 'code', 'name', 'externalId'] }),
    strapi.db.query(STAFF_MEMBER).findMany({
      select: ['id', 'externalId', 'active'],
      populate: {
        user: { select: ['id'] },
        department: { select: ['id'] },
        position: { select: ['id'] },
        groups: { select: ['id'] },
      },
    }) as Promise<MemberRow[]>,
  ]);
  const memberUserIds = members.flatMap((member) => (member.user ? [member.user.id] : []));
  const users = await strapi.db.query(USER).findMany({
    select: ['id', 'email', 'fullName', 'blocked'],
    where: { $or: [{ id: { $in: memberUserIds } }, { email: { $in: emails } }] },
  });
  return {
    departments: departments.map(
      (row: CurrentDirectory['departments'][number] & { parent?: { id: number } | null }) => ({
        id: row.id,
        code: row.code,
        name: row.name,
        parentId: row.parent?.id ?? null,
        externalId: row.externalId ?? null,
      })
    ),
    positions,
    groups,
    members: members.map((row) => ({
      id: row.id,
      externalId: row.externalId ?? null,
      active: row.active,
      userId: row.user?.id ?? null,
      departmentId: row.department?.id ?? null,
      positionId: row.position?.id ?? null,
      groupIds: (row.groups ?? []).map((group) => group.id).sort((a, b) => a - b),
    })),
    users: users.map((user: CurrentDirectory['users'][number]) => ({
      ...user,
      email: user.email.toLowerCase(),
    })),
  };
};
