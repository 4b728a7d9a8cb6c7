import type { DirectorySyncSkip } from '../../../shared/contracts/directory-sync';

/**
 * What the company directory holds, as sync reads it: plain data, so the planner is pure.
 * Every `externalId` carries the `ldap:` prefix (see `MANAGED_PREFIX`).
 */

/** Records whose `externalId` starts with this are managed by the sync, and only those. */
export const MANAGED_PREFIX = 'ldap:';

export const isManaged = (externalId: string | null | undefined) =>
  typeof externalId === 'string' && externalId.startsWith(MANAGED_PREFIX);

export interface DirectoryDepartment {
  externalId: string;
  name: string;
  /** The code it would like (from its OU or attribute value). */
  codeHint: string;
  /** The parent department's `externalId`; null at the top of the tree. */
  parent: string | null;
}

export interface DirectoryPerson {
  externalId: string;
  /** Normalised DN, to resolve group members. */
  dn: string;
  /** Lower-case. */
  email: string;
  fullName: string;
  title: string | null;
  department: string | null;
  disabled: boolean;
}

export interface DirectoryGroup {
  externalId: string;
  name: string;
  codeHint: string;
  /** Normalised DNs of the members. */
  memberDns: string[];
}

export interface DirectorySnapshot {
  /** Parents before children. */
  departments: DirectoryDepartment[];
  people: DirectoryPerson[];
  groups: DirectoryGroup[];
  /** Entries that could not be used, and why (no mail, no id…). */
  skipped: DirectorySyncSkip[];
}
