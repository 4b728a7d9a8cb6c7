import type { DirectorySyncSkip } from '../../../shared/contracts/directory-sync';

/**
 * A sync plan: everything a sync writes, decided before anything is written. Things that do
 * not exist yet are named by `externalId` (departments, groups), title (positions) or the
 * directory person they are for (accounts); the apply step resolves them to ids.
 */

/** An existing row, or one the plan creates. */
export type Ref = { id: number } | { externalId: string };

export type AccountRef = { id: number } | { person: string };

export interface PlannedDepartment {
  externalId: string;
  code: string;
  name: string;
  parent: Ref | null;
}

export interface DepartmentUpdate {
  id: number;
  code: string;
  name: string;
  parent: Ref | null;
  fields: string[];
}

export interface PlannedGroup {
  externalId: string;
  code: string;
  name: string;
}

export interface GroupUpdate {
  id: number;
  code: string;
  name: string;
}

export interface PlannedAccount {
  /** The directory person's externalId. */
  person: string;
  email: string;
  fullName: string;
}

export interface AccountUpdate {
  id: number;
  email: string;
  data: { email?: string; username?: string; fullName?: string };
}

export interface AccountBlock {
  id: number;
  email: string;
}

export interface MemberState {
  externalId: string;
  user: AccountRef;
  active: boolean;
  department: Ref | null;
  /** A position's title. */
  position: string | null;
  groups: Ref[];
}

export interface MemberUpdate {
  id: number;
  email: string;
  /** Linked: an existing staff member or account now follows the directory. */
  linked: boolean;
  state: MemberState;
  fields: string[];
}

export interface SyncPlan {
  departments: { create: PlannedDepartment[]; update: DepartmentUpdate[] };
  positions: { create: string[] };
  groups: { create: PlannedGroup[]; update: GroupUpdate[] };
  accounts: {
    create: PlannedAccount[];
    update: AccountUpdate[];
    block: AccountBlock[];
    unblock: AccountBlock[];
  };
  members: {
    create: (MemberState & { email: string; linked: boolean })[];
    update: MemberUpdate[];
    deactivate: { id: number; email: string }[];
  };
  skipped: DirectorySyncSkip[];
}
