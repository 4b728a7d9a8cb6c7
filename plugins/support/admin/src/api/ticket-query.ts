import type { TicketFilter, TicketSort } from '../../../shared/contracts';

/**
 * A filter as the inbox's query string (`status=new,open&assignee=me&sla=near&sort=sla&page=1`),
 * the encoding the server's `filterFromQuery` reads.
 */
export const ticketQuery = (filter: TicketFilter, sort: TicketSort, page: number) => {
  const params = new URLSearchParams();
  const list = (key: string, values: readonly (string | number)[] | undefined) => {
    if (values && values.length > 0) params.set(key, values.join(','));
  };
  list('status', filter.status);
  list('groupId', filter.groupId);
  list('channel', filter.channel);
  if (filter.assignee !== undefined) params.set('assignee', String(filter.assignee));
  for (const key of ['tag', 'clinic', 'sla', 'q'] as const) {
    const value = filter[key]?.trim();
    if (value) params.set(key, value);
  }
  params.set('sort', sort);
  params.set('page', String(page));
  return params.toString();
};
