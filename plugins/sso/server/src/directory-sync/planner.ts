import type { CurrentDirectory } from './current-state';
import { uniqueCode } from './codes';
import { DirectorySyncError } from './errors';
import type { MemberState, Ref, SyncPlan } from './plan';
import { isManaged, type DirectoryPerson, type DirectorySnapshot } from './snapshot';

const sameRef = (ref: Ref | null, id: number | null) =>
  ref === null ? id === null : 'id' in ref && ref.id === id;

const sameIds = (refs: Ref[], ids: number[]) =>
  refs.every((ref) => 'id' in ref) &&
  refs.length === ids.length &&
  refs
    .map((ref) => (ref as { id: number }).id)
    .sort((a, b) => a - b)
    .every((id, index) => id === ids[index]);

/**
 * Plans a sync: compares the company directory with the staff directory and lists what must
 * change, writing nothing. Pure: the same inputs give the same plan.
 *
 * People are matched by `externalId`, then by email (an existing account is linked, not
 * duplicated); departments and groups by `externalId`. Only records whose `externalId` starts
 * with `ldap:` are managed: they are deactivated (and their accounts blocked) when disabled in
 * or gone from the directory. Groups' roles and records nobody synced are never touched.
 * @example
 * ```ts
 * const plan = planSync(await readDirectory(config), await readCurrentDirectory(strapi, emails));
 * ```
 */
export const planSync = (snapshot: DirectorySnapshot, current: CurrentDirectory): SyncPlan => {
  const plan: SyncPlan = {
    departments: { create: [], update: [] },
    positions: { create: [] },
    groups: { create: [], update: [] },
    accounts: { create: [], update: [], block: [], unblock: [] },
    members: { create: [], update: [], deactivate: [] },
    skipped: [...snapshot.skipped],
  };

  const activeManaged = current.members.filter((m) => m.active && isManaged(m.externalId));
  if (snapshot.people.length === 0 && activeManaged.length > 0) {
    // A wrong base or filter looks like everybody leaving: refuse rather than block them all.
    throw new DirectorySyncError(
      'ERR_DIRECTORY_EMPTY',
      `The directory returned no people, yet ${activeManaged.length} staff members came from it: check ID_LDAP_USERS_BASE and ID_LDAP_USER_FILTER`
    );
  }

  // Departments: parents come first in the snapshot, so a parent's code is known.
  const departmentsByExt = new Map(
    current.departments.flatMap((row) => (row.externalId ? [[row.externalId, row]] : []))
  );
  const departmentCodes = new Set(current.departments.map((row) => row.code));
  const codeOfDepartment = new Map<string, string>();
  const departmentRef = (externalId: string | null): Ref | null => {
    if (!externalId) return null;
    const row = departmentsByExt.get(externalId);
    return row ? { id: row.id } : { externalId };
  };
  for (const department of snapshot.departments) {
    const row = departmentsByExt.get(department.externalId);
    const parent = departmentRef(department.parent);
    if (row) {
      codeOfDepartment.set(department.externalId, row.code);
      const fields = [
        ...(row.name !== department.name ? ['name'] : []),
        ...(!sameRef(parent, row.parentId) ? ['parent'] : []),
      ];
      if (fields.length > 0) {
        plan.departments.update.push({
          id: row.id,
          code: row.code,
          name: department.name,
          parent,
          fields,
        });
      }
    } else {
      const parentCode = department.parent ? codeOfDepartment.get(department.parent) : undefined;
      const code = uniqueCode(
        [department.codeHint, parentCode ? `${parentCode}-${department.codeHint}` : ''],
        departmentCodes,
        'department'
      );
      codeOfDepartment.set(department.externalId, code);
      plan.departments.create.push({
        externalId: department.externalId,
        code,
        name: department.name,
        parent,
      });
    }
  }

  // Groups: names follow the directory; codes, once made, and roles stay as ID has them.
  const groupsByExt = new Map(
    current.groups.flatMap((row) => (row.externalId ? [[row.externalId, row]] : []))
  );
  const groupCodes = new Set(current.groups.map((row) => row.code));
  const groupRefsOf = new Map<string, Ref[]>();
  for (const group of snapshot.groups) {
    const row = groupsByExt.get(group.externalId);
    let ref: Ref;
    if (row) {
      ref = { id: row.id };
      if (row.name !== group.name) {
        plan.groups.update.push({ id: row.id, code: row.code, name: group.name });
      }
    } else {
      ref = { externalId: group.externalId };
      const code = uniqueCode([group.codeHint], groupCodes, 'group');
      plan.groups.create.push({ externalId: group.externalId, code, name: group.name });
    }
    for (const dn of group.memberDns) groupRefsOf.set(dn, [...(groupRefsOf.get(dn) ?? []), ref]);
  }
  const managedGroupIds = new Set(
    current.groups.filter((row) => isManaged(row.externalId)).map((row) => row.id)
  );

  // Positions are shared by title and never removed.
  const positionIds = new Map(current.positions.map((row) => [row.title, row.id]));
  const positionCreates = new Set<string>();
  /** The id a title's position has; `'new'` when the plan creates it. */
  const positionIdOf = (title: string | null) =>
    title === null ? null : (positionIds.get(title) ?? 'new');

  // People.
  const usersById = new Map(current.users.map((user) => [user.id, user]));
  const usersByEmail = new Map(current.users.map((user) => [user.email, user]));
  const membersByExt = new Map(
    current.members.flatMap((row) => (row.externalId ? [[row.externalId, row]] : []))
  );
  const membersByUser = new Map(
    current.members.flatMap((row) => (row.userId ? [[row.userId, row]] : []))
  );
  const seenPeople = new Set<string>();
  const seenEmails = new Set<string>();
  const blocked = new Set<number>();

  const block = (member: CurrentDirectory['members'][number], email: string) => {
    if (member.active) plan.members.deactivate.push({ id: member.id, email });
    const user = member.userId ? usersById.get(member.userId) : undefined;
    if (user && !user.blocked && !blocked.has(user.id)) {
      blocked.add(user.id);
      plan.accounts.block.push({ id: user.id, email: user.email });
    }
  };

  const desiredOf = (
    person: DirectoryPerson,
    user: MemberState['user'],
    existingGroupIds: number[]
  ): MemberState => ({
    externalId: person.externalId,
    user,
    active: true,
    department: departmentRef(person.department),
    position: person.title,
    groups: [
      ...(groupRefsOf.get(person.dn) ?? []),
      // Groups given by hand in ID (not from the directory) stay.
      ...existingGroupIds.filter((id) => !managedGroupIds.has(id)).map((id) => ({ id })),
    ],
  });

  /** The account's name and email follow the directory. */
  const updateAccount = (user: CurrentDirectory['users'][number], person: DirectoryPerson) => {
    const data: { email?: string; username?: string; fullName?: string } = {};
    if (user.fullName !== person.fullName) data.fullName = person.fullName;
    if (user.email !== person.email) {
      const holder = usersByEmail.get(person.email);
      if (holder && holder.id !== user.id) {
        plan.skipped.push({
          key: person.email,
          code: 'email-taken',
          reason: 'another account has this email',
        });
      } else Object.assign(data, { email: person.email, username: person.email });
    }
    if (Object.keys(data).length > 0) {
      plan.accounts.update.push({ id: user.id, email: person.email, data });
    }
  };

  for (const person of snapshot.people) {
    if (seenEmails.has(person.email)) {
      plan.skipped.push({
        key: person.email,
        code: 'duplicate-email',
        reason: 'another directory person has this email',
      });
      continue;
    }
    seenEmails.add(person.email);
    seenPeople.add(person.externalId);

    let member = membersByExt.get(person.externalId);
    const userByEmail = usersByEmail.get(person.email);
    if (!member && userByEmail) {
      member = membersByUser.get(userByEmail.id);
      if (member && isManaged(member.externalId)) {
        plan.skipped.push({
          key: person.email,
          code: 'email-of-another-member',
          reason: 'this email belongs to a staff member of another directory person',
        });
        continue;
      }
    }

    if (person.disabled) {
      if (member && member.externalId === person.externalId) block(member, person.email);
      else {
        plan.skipped.push({
          key: person.email,
          code: 'disabled',
          reason: 'disabled in the directory',
        });
      }
      continue;
    }
    if (person.title && !positionIds.has(person.title) && !positionCreates.has(person.title)) {
      positionCreates.add(person.title);
      plan.positions.create.push(person.title);
    }

    if (!member) {
      let user: MemberState['user'];
      if (userByEmail) {
        user = { id: userByEmail.id };
        updateAccount(userByEmail, person);
      } else {
        user = { person: person.externalId };
        plan.accounts.create.push({
          person: person.externalId,
          email: person.email,
          fullName: person.fullName,
        });
      }
      plan.members.create.push({
        ...desiredOf(person, user, []),
        email: person.email,
        linked: Boolean(userByEmail),
      });
      continue;
    }

    const user = member.userId ? usersById.get(member.userId) : userByEmail;
    const state = desiredOf(
      person,
      user ? { id: user.id } : { person: person.externalId },
      member.groupIds
    );
    if (!user) {
      plan.accounts.create.push({
        person: person.externalId,
        email: person.email,
        fullName: person.fullName,
      });
    }
    const fields = [
      ...(member.externalId !== person.externalId ? ['externalId'] : []),
      ...(!member.userId || member.userId !== user?.id ? ['user'] : []),
      ...(!member.active ? ['active'] : []),
      ...(!sameRef(state.department, member.departmentId) ? ['department'] : []),
      ...(positionIdOf(person.title) !== member.positionId ? ['position'] : []),
      ...(!sameIds(state.groups, member.groupIds) ? ['groups'] : []),
    ];
    if (fields.length > 0) {
      plan.members.update.push({
        id: member.id,
        email: person.email,
        linked: member.externalId !== person.externalId,
        state,
        fields,
      });
    }
    if (!user) continue;
    // Sync blocked this account when it deactivated the member; it unblocks it likewise. An
    // account blocked by hand while its member stayed active stays blocked.
    if (!member.active && user.blocked)
      plan.accounts.unblock.push({ id: user.id, email: user.email });
    updateAccount(user, person);
  }

  // Managed staff members the directory no longer lists have left the company.
  for (const member of current.members) {
    if (!isManaged(member.externalId) || seenPeople.has(member.externalId!)) continue;
    const user = member.userId ? usersById.get(member.userId) : undefined;
    block(member, user?.email ?? member.externalId!);
  }
  return plan;
};
