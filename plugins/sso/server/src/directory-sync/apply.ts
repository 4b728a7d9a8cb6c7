import type { Core } from '@strapi/strapi';

import {
  DEPARTMENT,
  POSITION,
  STAFF_GROUP,
  STAFF_MEMBER,
  USER,
  USER_ROLE,
} from '../content-types/uids';
import { revokeEverythingOf } from '../services/oidc-adapter';
import type { AccountRef, Ref, SyncPlan } from './plan';

/**
 * Writes a plan in one database transaction: a failure anywhere leaves nothing half-written.
 * Blocked accounts lose their sessions and tokens once it has committed (that also updates
 * each node's in-memory revocation list, which a rollback could not undo).
 */
export const applyPlan = async (strapi: Core.Strapi, plan: SyncPlan) => {
  const blockedDocumentIds = await strapi.db.transaction(async () => {
    const q = (uid: Parameters<typeof strapi.db.query>[0]) => strapi.db.query(uid);
    const departmentIds = new Map<string, number>();
    const groupIds = new Map<string, number>();
    const accountIds = new Map<string, number>();
    const resolve = (ref: Ref | null, created: Map<string, number>) =>
      ref === null ? null : 'id' in ref ? ref.id : created.get(ref.externalId)!;
    const account = (ref: AccountRef) => ('id' in ref ? ref.id : accountIds.get(ref.person)!);

    for (const department of plan.departments.create) {
      const row = await q(DEPARTMENT).create({
        data: {
          code: department.code,
          name: department.name,
          externalId: department.externalId,
          parent: resolve(department.parent, departmentIds),
        },
      });
      departmentIds.set(department.externalId, row.id);
    }
    for (const department of plan.departments.update) {
      await q(DEPARTMENT).update({
        where: { id: department.id },
        data: { name: department.name, parent: resolve(department.parent, departmentIds) },
      });
    }

    const positionIds = new Map<string, number>();
    for (const title of plan.positions.create) {
      positionIds.set(title, (await q(POSITION).create({ data: { title } })).id);
    }
    const positionId = async (title: string | null) => {
      if (title === null) return null;
      if (!positionIds.has(title)) {
        const row = await q(POSITION).findOne({ where: { title }, select: ['id'] });
        positionIds.set(title, row.id);
      }
      return positionIds.get(title)!;
    };

    for (const group of plan.groups.create) {
      const row = await q(STAFF_GROUP).create({
        // Roles are given in ID; a new group gives none until someone does.
        data: {
          code: group.code,
          name: group.name,
          externalId: group.externalId,
          adminRoles: [],
          idRoles: [],
        },
      });
      groupIds.set(group.externalId, row.id);
    }
    for (const group of plan.groups.update) {
      await q(STAFF_GROUP).update({ where: { id: group.id }, data: { name: group.name } });
    }

    if (plan.accounts.create.length > 0) {
      const role = await q(USER_ROLE).findOne({ where: { type: 'authenticated' }, select: ['id'] });
      for (const person of plan.accounts.create) {
        // Verified (the company vouches for the address) and without a password: the person
        // sets one by password reset, or signs in through the company's identity provider.
        const user = await q(USER).create({
          data: {
            username: person.email,
            email: person.email,
            fullName: person.fullName,
            provider: 'vixenhealth-id',
            confirmed: true,
            blocked: false,
            role: role?.id,
          },
        });
        accountIds.set(person.person, user.id);
      }
    }
    for (const update of plan.accounts.update) {
      // A copy: the query adds `updatedAt` to the object it is given.
      await q(USER).update({ where: { id: update.id }, data: { ...update.data } });
    }

    const memberData = async (state: SyncPlan['members']['create'][number]) => ({
      externalId: state.externalId,
      user: account(state.user),
      active: state.active,
      department: resolve(state.department, departmentIds),
      position: await positionId(state.position),
      groups: state.groups.map((ref) => resolve(ref, groupIds)!),
    });
    for (const member of plan.members.create) {
      await q(STAFF_MEMBER).create({ data: await memberData(member) });
    }
    for (const member of plan.members.update) {
      await q(STAFF_MEMBER).update({
        where: { id: member.id },
        data: await memberData({ ...member.state, email: member.email, linked: member.linked }),
      });
    }
    for (const member of plan.members.deactivate) {
      await q(STAFF_MEMBER).update({ where: { id: member.id }, data: { active: false } });
    }

    const blocked: string[] = [];
    for (const { id } of plan.accounts.block) {
      const user = await q(USER).update({ where: { id }, data: { blocked: true } });
      blocked.push(user.documentId);
    }
    for (const { id } of plan.accounts.unblock) {
      await q(USER).update({ where: { id }, data: { blocked: false } });
    }
    return blocked;
  });
  for (const documentId of blockedDocumentIds) await revokeEverythingOf(strapi, documentId);
};
