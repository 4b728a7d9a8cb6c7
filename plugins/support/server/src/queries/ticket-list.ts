import type { Core } from '@strapi/strapi';

import {
  ACTIVE_STATUSES,
  type TicketFilter,
  type TicketList,
  type TicketListItem,
  type TicketSort,
} from '../../../shared/contracts';
import { TICKET } from '../content-types/uids';
import type { DeskRights } from '../rights/desk-rights';
import { TICKET_POPULATE, type TicketRow } from '../tickets/ticket-row';
import { listItemOf } from './ticket-views';

export const PAGE_SIZE = 50;
/** SLA filters and sorting are computed per ticket: over at most this many matching tickets. */
const SLA_WINDOW = 5000;

const PRIORITY_RANK = { urgent: 0, high: 1, normal: 2, low: 3 } as const;

/** The groups a filter may look in: those asked for, within those the agent sees. */
const groupScope = (filter: TicketFilter, rights: DeskRights) => {
  const asked = filter.groupId?.length ? filter.groupId : null;
  if (rights.allGroups) return asked;
  return asked ? asked.filter((id) => rights.groupIds.includes(id)) : rights.groupIds;
};

/** The query engine's `where` for a filter, always limited to the agent's groups. */
export const whereOf = (filter: TicketFilter, rights: DeskRights) => {
  const and: Record<string, unknown>[] = [];
  const groups = groupScope(filter, rights);
  if (groups) and.push({ group: { id: { $in: groups.length ? groups : [-1] } } });
  if (filter.status?.length) and.push({ status: { $in: filter.status } });
  if (filter.assignee === 'me') and.push({ assignee: { id: rights.agentId } });
  else if (filter.assignee === 'none') and.push({ assignee: { id: { $null: true } } });
  else if (typeof filter.assignee === 'number') and.push({ assignee: { id: filter.assignee } });
  if (filter.channel?.length) and.push({ channel: { $in: filter.channel } });
  if (filter.tag) and.push({ tagList: { $contains: `,${filter.tag.toLowerCase()},` } });
  if (filter.clinic) and.push({ clinic: filter.clinic });
  if (filter.sla) and.push({ status: { $in: [...ACTIVE_STATUSES] } });
  if (filter.q) {
    const q = filter.q.trim().toLowerCase();
    and.push({ $or: [{ number: q.toUpperCase() }, { searchText: { $contains: q } }] });
  }
  return { $and: and };
};

const ORDER: Record<'updated' | 'created', Record<string, 'asc' | 'desc'>[]> = {
  updated: [{ lastActivityAt: 'desc' }, { id: 'desc' }],
  created: [{ id: 'desc' }],
};

const bySla = (a: TicketListItem, b: TicketListItem) =>
  (a.sla.dueAt ?? '9999').localeCompare(b.sla.dueAt ?? '9999');

const byPriority = (a: TicketListItem, b: TicketListItem) =>
  PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];

/**
 * The inbox: tickets matching a filter within the agent's groups, sorted and paged. SLA states
 * are computed per ticket at `now`, so filtering or sorting by them reads the matching tickets
 * (up to a window) and pages in memory; everything else pages in the database.
 */
export const listTickets = async (
  strapi: Core.Strapi,
  rights: DeskRights,
  { filter, sort, page }: { filter: TicketFilter; sort: TicketSort; page: number },
  now = new Date()
): Promise<TicketList> => {
  const where = whereOf(filter, rights);
  const query = strapi.db.query(TICKET);
  if ((sort === 'updated' || sort === 'created') && !filter.sla) {
    const [rows, total] = await Promise.all([
      query.findMany({
        where,
        populate: TICKET_POPULATE,
        orderBy: ORDER[sort],
        offset: (page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      }) as Promise<TicketRow[]>,
      query.count({ where }),
    ]);
    return { tickets: rows.map((row) => listItemOf(row, now)), total, page, pageSize: PAGE_SIZE };
  }
  const rows: TicketRow[] = await query.findMany({
    where,
    populate: TICKET_POPULATE,
    orderBy: { id: 'desc' },
    limit: SLA_WINDOW,
  });
  const items = rows
    .map((row) => listItemOf(row, now))
    .filter((item) => !filter.sla || item.sla.state === filter.sla)
    .sort((a, b) => (sort === 'priority' ? byPriority(a, b) || bySla(a, b) : bySla(a, b)));
  return {
    tickets: items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    total: items.length,
    page,
    pageSize: PAGE_SIZE,
  };
};
