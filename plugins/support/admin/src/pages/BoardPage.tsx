import { useCallback, useEffect, useState } from 'react';

import { Box, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';

import type { SavedFilterView, TicketList } from '../../../shared/contracts';
import { useSupportApi } from '../api/support-api';
import { SlaBadge } from '../components/SlaBadge';
import { SupportRail } from '../components/SupportRail';
import { useSupportEvents } from '../live/use-support-events';
import { useSupportMeta } from './support-context';

const FIRST_TICKETS = 5;

interface Column {
  filter: SavedFilterView;
  list: TicketList | null;
}

/** A board: one column per saved filter, with its count and first tickets. */
export const BoardPage = () => {
  const { id } = useParams();
  const api = useSupportApi();
  const { meta } = useSupportMeta();
  const board = meta.boards.find((entry) => entry.id === Number(id));
  const [columns, setColumns] = useState<Column[]>([]);

  const load = useCallback(async () => {
    const filters = (board?.columns ?? [])
      .map((column) => meta.filters.find((filter) => filter.id === column.filterId))
      .filter((filter): filter is SavedFilterView => filter !== undefined);
    setColumns(
      await Promise.all(
        filters.map(async (filter) => ({
          filter,
          list: await api.tickets(filter.filter, filter.sort).catch(() => null),
        }))
      )
    );
  }, [api, board, meta.filters]);
  useEffect(() => {
    void load();
  }, [load]);
  useSupportEvents(() => void load());

  if (!board) return <Page.NoData />;
  return (
    <Page.Main>
      <Page.Title>{`${board.name} · Поддержка`}</Page.Title>
      <Layouts.Header title={board.name} subtitle="Доска" />
      <Layouts.Content>
        <Flex gap={4} alignItems="flex-start">
          <SupportRail />
          <Flex gap={4} alignItems="flex-start" style={{ overflowX: 'auto' }}>
            {columns.map(({ filter, list }) => (
              <Box
                key={filter.id}
                tag="section"
                aria-label={filter.name}
                width="18rem"
                padding={3}
                background="neutral100"
                hasRadius
              >
                <Link to={`/plugins/support?filter=${filter.id}`}>
                  <Typography variant="delta" tag="h2">
                    {filter.name} · {list?.total ?? '—'}
                  </Typography>
                </Link>
                {list?.tickets.slice(0, FIRST_TICKETS).map((ticket) => (
                  <Box
                    key={ticket.number}
                    padding={2}
                    marginTop={2}
                    background="neutral0"
                    hasRadius
                  >
                    <Link to={`/plugins/support/tickets/${ticket.number}`}>
                      {ticket.number} {ticket.subject}
                    </Link>
                    <Box paddingTop={1}>
                      <SlaBadge state={ticket.sla.state} dueAt={ticket.sla.dueAt} />
                    </Box>
                  </Box>
                ))}
              </Box>
            ))}
          </Flex>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
