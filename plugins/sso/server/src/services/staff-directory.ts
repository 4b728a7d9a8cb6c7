import type { Core } from '@strapi/strapi';

import type { StaffAccess, StaffDepartment } from '../../../shared/contracts/staff';
import { DEPARTMENT, STAFF_MEMBER } from '../content-types/uids';
import { ownedBy } from '../utils/owned-by';

interface DepartmentRow {
  id: number;
  code: string;
  name: string;
  parent?: { id: number } | null;
}

interface GroupRow {
  code: string;
  adminRoles?: unknown;
  idRoles?: unknown;
}

interface MemberRow {
  active: boolean;
  department?: DepartmentRow | null;
  position?: { title: string } | null;
  groups?: GroupRow[];
}

/** A tree deeper than this is a cycle someone made by hand; the walk stops there. */
const MAX_DEPARTMENT_DEPTH = 32;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

const unique = (values: string[]) => [...new Set(values)].sort();

/**
 * The staff directory as the rest of ID reads it: whether an account is staff, and what its
 * department and groups give it.
 */
const staffDirectory = ({ strapi }: { strapi: Core.Strapi }) => {
  const departmentOf = async (row: DepartmentRow): Promise<StaffDepartment> => {
    const path = [row.code];
    let parentId = row.parent?.id;
    const seen = new Set([row.id]);
    while (parentId && !seen.has(parentId) && path.length < MAX_DEPARTMENT_DEPTH) {
      seen.add(parentId);
      const parent: DepartmentRow | null = await strapi.db
        .query(DEPARTMENT)
        .findOne({ where: { id: parentId }, populate: ['parent'] });
      if (!parent) break;
      path.unshift(parent.code);
      parentId = parent.parent?.id;
    }
    return { code: row.code, name: row.name, path };
  };

  return {
    /** What an account's staff membership gives it, or null when it is not active staff. */
    async accessOf(userId: number): Promise<StaffAccess | null> {
      const member: MemberRow | null = await strapi.db.query(STAFF_MEMBER).findOne({
        where: await ownedBy(strapi, STAFF_MEMBER, userId),
        populate: { department: { populate: ['parent'] }, position: true, groups: true },
      });
      if (!member?.active) return null;
      const groups = member.groups ?? [];
      return {
        groups: unique(groups.map((group) => group.code)),
        department: member.department ? await departmentOf(member.department) : null,
        position: member.position?.title ?? null,
        adminRoles: unique(groups.flatMap((group) => strings(group.adminRoles))),
        idRoles: unique(groups.flatMap((group) => strings(group.idRoles))),
      };
    },

    async isStaff(userId: number): Promise<boolean> {
      return (await this.accessOf(userId)) !== null;
    },
  };
};

export type StaffDirectoryService = ReturnType<typeof staffDirectory>;
export default staffDirectory;
