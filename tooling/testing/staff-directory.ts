import type { TestCms } from './strapi-harness';

const DEPARTMENT = 'plugin::sso.department';
const STAFF_GROUP = 'plugin::sso.staff-group';
const STAFF_MEMBER = 'plugin::sso.staff-member';

/** A department of the staff directory, under `parentId` when given. */
export const createDepartment = async (
  cms: TestCms,
  department: { code: string; name: string; parentId?: number }
): Promise<{ id: number }> =>
  cms.strapi.db.query(DEPARTMENT).create({
    data: { code: department.code, name: department.name, parent: department.parentId },
  });

/** A staff group giving admin panel roles (by code) and ID roles. */
export const createStaffGroup = async (
  cms: TestCms,
  group: { code: string; name?: string; adminRoles?: string[]; idRoles?: string[] }
): Promise<{ id: number }> =>
  cms.strapi.db.query(STAFF_GROUP).create({
    data: {
      code: group.code,
      name: group.name ?? group.code,
      adminRoles: group.adminRoles ?? [],
      idRoles: group.idRoles ?? [],
    },
  });

/** Makes an ID account staff: in a department and groups (ids from the helpers above). */
export const addStaffMember = async (
  cms: TestCms,
  userId: number,
  membership: { departmentId?: number; groupIds?: number[]; active?: boolean } = {}
): Promise<{ id: number }> =>
  cms.strapi.db.query(STAFF_MEMBER).create({
    data: {
      user: userId,
      department: membership.departmentId,
      groups: membership.groupIds ?? [],
      active: membership.active ?? true,
    },
  });

/** Changes a staff member's groups or whether they are active. */
export const updateStaffMember = async (
  cms: TestCms,
  memberId: number,
  change: { groupIds?: number[]; active?: boolean }
) =>
  cms.strapi.db.query(STAFF_MEMBER).update({
    where: { id: memberId },
    data: { ...(change.groupIds && { groups: change.groupIds }), ...change },
  });
