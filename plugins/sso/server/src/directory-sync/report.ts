import type {
  DirectorySyncAction,
  DirectorySyncChange,
  DirectorySyncEntity,
  DirectorySyncReport,
} from '../../../shared/contracts/directory-sync';
import type { SyncPlan } from './plan';
import type { DirectorySnapshot } from './snapshot';

/** The changes a plan makes, in the order they are applied. */
export const changesOf = (plan: SyncPlan): DirectorySyncChange[] => [
  ...plan.departments.create.map((d) => ({
    entity: 'department' as const,
    action: 'create' as const,
    key: d.code,
  })),
  ...plan.departments.update.map((d) => ({
    entity: 'department' as const,
    action: 'update' as const,
    key: d.code,
    fields: d.fields,
  })),
  ...plan.positions.create.map((title) => ({
    entity: 'position' as const,
    action: 'create' as const,
    key: title,
  })),
  ...plan.groups.create.map((g) => ({
    entity: 'group' as const,
    action: 'create' as const,
    key: g.code,
  })),
  ...plan.groups.update.map((g) => ({
    entity: 'group' as const,
    action: 'update' as const,
    key: g.code,
    fields: ['name'],
  })),
  ...plan.accounts.create.map((a) => ({
    entity: 'account' as const,
    action: 'create' as const,
    key: a.email,
  })),
  ...plan.accounts.update.map((a) => ({
    entity: 'account' as const,
    action: 'update' as const,
    key: a.email,
    fields: Object.keys(a.data).filter((field) => field !== 'username'),
  })),
  ...plan.members.create.map((m) => ({
    entity: 'member' as const,
    action: (m.linked ? 'link' : 'create') as DirectorySyncAction,
    key: m.email,
  })),
  ...plan.members.update.map((m) => ({
    entity: 'member' as const,
    action: (m.linked
      ? 'link'
      : m.fields.includes('active')
        ? 'reactivate'
        : 'update') as DirectorySyncAction,
    key: m.email,
    fields: m.fields,
  })),
  ...plan.members.deactivate.map((m) => ({
    entity: 'member' as const,
    action: 'deactivate' as const,
    key: m.email,
  })),
  ...plan.accounts.block.map((a) => ({
    entity: 'account' as const,
    action: 'block' as const,
    key: a.email,
  })),
  ...plan.accounts.unblock.map((a) => ({
    entity: 'account' as const,
    action: 'unblock' as const,
    key: a.email,
  })),
];

/** The report of a run: what the directory held and what the plan changes. */
export const reportOf = (
  plan: SyncPlan,
  snapshot: DirectorySnapshot,
  run: { dryRun: boolean; startedAt: Date; finishedAt: Date }
): DirectorySyncReport => {
  const changes = changesOf(plan);
  const summary: DirectorySyncReport['summary'] = {};
  for (const { entity, action } of changes) {
    const counts = (summary[entity as DirectorySyncEntity] ??= {});
    counts[action] = (counts[action] ?? 0) + 1;
  }
  return {
    dryRun: run.dryRun,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
    directory: {
      people: snapshot.people.length,
      disabled: snapshot.people.filter((person) => person.disabled).length,
      groups: snapshot.groups.length,
      departments: snapshot.departments.length,
    },
    upToDate: changes.length === 0,
    summary,
    changes,
    skipped: plan.skipped,
  };
};
