/** The department a staff member belongs to, as tokens carry it. */
export interface StaffDepartment {
  /** Stable code, e.g. `support`. */
  code: string;
  name: string;
  /** Codes from the top of the tree down to this department, itself included. */
  path: string[];
}

/**
 * What belonging to our staff gives an ID account: the admin panel roles and ID roles of its
 * groups, and the `groups` and `department` claims of its access tokens.
 */
export interface StaffAccess {
  /** Codes of the staff groups the person is in. */
  groups: string[];
  department: StaffDepartment | null;
  position: string | null;
  /** Admin panel role codes (`strapi-editor`, …) the groups give. */
  adminRoles: string[];
  /** Platform roles the groups add to the `roles` claim (`support-agent`, …). */
  idRoles: string[];
}

/** The platform role every active staff member has, besides their groups' roles. */
export const STAFF_ROLE = 'staff';
