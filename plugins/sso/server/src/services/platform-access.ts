import {
  STAFF_ROLE,
  type StaffAccess,
  type StaffDepartment,
} from '../../../shared/contracts/staff';

export interface ClinicMembership {
  /** The clinic's document id. */
  id: string;
  role: 'owner' | 'administrator';
}

export interface PlatformAccess {
  roles: string[];
  permissions: string[];
  clinics: ClinicMembership[];
  /** Staff only: the codes of their groups. */
  groups?: string[];
  /** Staff only: their department, or null when they have none. */
  department?: StaffDepartment | null;
}

/** users-permissions role types as the platform names them. */
const ROLE_NAMES: Record<string, string> = { authenticated: 'patient' };

/** What each platform role may do; services check these in access tokens. */
export const ROLE_PERMISSIONS: Readonly<Record<string, readonly string[]>> = {
  patient: ['account:manage', 'reviews:write'],
  'clinic-owner': [
    'clinics:manage',
    'clinic-content:manage',
    'clinic-administrators:manage',
    'clinic-metrics:read',
  ],
  'clinic-administrator': ['clinic-content:manage', 'clinic-metrics:read'],
};

/**
 * A user's roles and permissions: their users-permissions role, plus owner or administrator of
 * each clinic they run, plus, for staff, `staff` and the roles their groups give.
 */
export const platformAccess = (
  roleType: string,
  clinics: ClinicMembership[],
  staff: StaffAccess | null = null
): PlatformAccess => {
  const roles = new Set([ROLE_NAMES[roleType] ?? roleType]);
  if (clinics.some((clinic) => clinic.role === 'owner')) roles.add('clinic-owner');
  if (clinics.some((clinic) => clinic.role === 'administrator')) roles.add('clinic-administrator');
  if (staff) for (const role of [STAFF_ROLE, ...staff.idRoles]) roles.add(role);
  const permissions = new Set([...roles].flatMap((role) => ROLE_PERMISSIONS[role] ?? []));
  const access: PlatformAccess = {
    roles: [...roles].sort(),
    permissions: [...permissions].sort(),
    clinics,
  };
  return staff ? { ...access, groups: staff.groups, department: staff.department } : access;
};
