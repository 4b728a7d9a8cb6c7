import type { Core } from '@strapi/strapi';

import type { BoardView, SavedFilterView, TicketSort } from '../../../shared/contracts';
import { BOARD, SAVED_FILTER } from '../content-types/uids';
import { fieldError, notAllowed, notFound } from '../errors';
import type { DeskRights } from '../rights/desk-rights';
import { validateFilter } from '../validation/desk-input';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

type ViewUid = typeof SAVED_FILTER | typeof BOARD;

const POPULATE = { owner: { select: ['id'] }, sharedWithGroup: { select: ['id'] } };

/** The agent's own views and those shared with one of their groups. */
const visibleWhere = (rights: DeskRights) => ({
  $or: [
    { owner: { id: rights.agentId } },
    { sharedWithGroup: { id: { $in: rights.groupIds.length ? rights.groupIds : [-1] } } },
  ],
});

const listViews = async (strapi: Core.Strapi, uid: ViewUid, rights: DeskRights): Promise<Row[]> =>
  strapi.db
    .query(uid)
    .findMany({ where: visibleWhere(rights), populate: POPULATE, orderBy: { id: 'asc' } });

const common = (row: Row, rights: DeskRights) => ({
  id: row.id as number,
  name: row.name as string,
  sharedWithGroupId: (row.sharedWithGroup?.id as number | undefined) ?? null,
  mine: row.owner?.id === rights.agentId,
});

export const listFilters = async (
  strapi: Core.Strapi,
  rights: DeskRights
): Promise<SavedFilterView[]> =>
  (await listViews(strapi, SAVED_FILTER, rights)).map((row) => ({
    ...common(row, rights),
    filter: row.filter,
    sort: (row.sort ?? 'sla') as TicketSort,
  }));

export const listBoards = async (strapi: Core.Strapi, rights: DeskRights): Promise<BoardView[]> =>
  (await listViews(strapi, BOARD, rights)).map((row) => ({
    ...common(row, rights),
    columns: row.columns ?? [],
  }));

/** Sharing is with one of the agent's own groups (a lead shares with any). */
const checkSharing = (rights: DeskRights, groupId: number | null | undefined) => {
  if (groupId && !rights.allGroups && !rights.groupIds.includes(groupId)) {
    throw notAllowed('group-not-yours', 'You can share only with a group you work in');
  }
};

/** Boards are made of filters the agent sees. */
const checkColumns = async (
  strapi: Core.Strapi,
  rights: DeskRights,
  columns: { filterId: number }[]
) => {
  const visible = new Set((await listViews(strapi, SAVED_FILTER, rights)).map((row) => row.id));
  const unknown = columns.findIndex((column) => !visible.has(column.filterId));
  if (unknown >= 0)
    throw fieldError(['columns', String(unknown), 'filterId'], 'no such saved filter');
};

export interface ViewInput {
  name: string;
  sharedWithGroupId?: number | null;
  filter?: unknown;
  sort?: TicketSort;
  columns?: { filterId: number }[];
}

const dataOf = async (strapi: Core.Strapi, uid: ViewUid, rights: DeskRights, input: ViewInput) => {
  checkSharing(rights, input.sharedWithGroupId);
  if (uid === BOARD) await checkColumns(strapi, rights, input.columns ?? []);
  return {
    name: input.name,
    sharedWithGroup: input.sharedWithGroupId ?? null,
    ...(uid === SAVED_FILTER
      ? { filter: validateFilter(input.filter), sort: input.sort ?? 'sla' }
      : {}),
    ...(uid === BOARD ? { columns: input.columns } : {}),
  };
};

export const createView = async (
  strapi: Core.Strapi,
  uid: ViewUid,
  rights: DeskRights,
  input: ViewInput
) =>
  strapi.db
    .query(uid)
    .create({ data: { ...(await dataOf(strapi, uid, rights, input)), owner: rights.agentId } });

/** Only the owner changes or deletes a view; a lead also those shared with a group. */
const ownedView = async (strapi: Core.Strapi, uid: ViewUid, rights: DeskRights, id: number) => {
  const row = await strapi.db.query(uid).findOne({ where: { id }, populate: POPULATE });
  if (!row) throw notFound('Saved view');
  const mine = row.owner?.id === rights.agentId;
  if (!mine && !(rights.lead && row.sharedWithGroup)) {
    if (row.sharedWithGroup && rights.groupIds.includes(row.sharedWithGroup.id)) {
      throw notAllowed('lead-only', 'Only its owner or a Support lead changes a shared view');
    }
    throw notFound('Saved view');
  }
  return row;
};

export const updateView = async (
  strapi: Core.Strapi,
  uid: ViewUid,
  rights: DeskRights,
  id: number,
  input: ViewInput
) => {
  await ownedView(strapi, uid, rights, id);
  return strapi.db
    .query(uid)
    .update({ where: { id }, data: await dataOf(strapi, uid, rights, input) });
};

export const deleteView = async (
  strapi: Core.Strapi,
  uid: ViewUid,
  rights: DeskRights,
  id: number
) => {
  await ownedView(strapi, uid, rights, id);
  await strapi.db.query(uid).delete({ where: { id } });
};
