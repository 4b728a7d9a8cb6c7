import { useCallback, useEffect, useRef, useState } from 'react';

import { Box, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useNavigate, useSearchParams } from 'react-router-dom';

import {
  ACTIVE_STATUSES,
  type TicketFilter,
  type TicketList,
  type TicketSort,
} from '../../../shared/contracts';
import { errorText } from '../api/error-text';
import { useSupportApi } from '../api/support-api';
import { FilterBar } from '../components/FilterBar';
import { KeysHelp } from '../components/KeysHelp';
import { SaveFilterForm } from '../components/SaveFilterForm';
import { SupportRail } from '../components/SupportRail';
import { TicketRow } from '../components/TicketRow';
import { useKeys } from '../components/use-keys';
import { useSupportEvents } from '../live/use-support-events';
import { useSupportMeta } from './support-context';

const DEFAULT_FILTER: TicketFilter = { status: [...ACTIVE_STATUSES] };

/** The inbox: saved filters on the left, the filtered tickets, live and keyboard-driven. */
export const InboxPage = () => {
  const api = useSupportApi();
  const { meta } = useSupportMeta();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const [params] = useSearchParams();
  const saved = meta.filters.find((entry) => entry.id === Number(params.get('filter')));
  const [filter, setFilter] = useState<TicketFilter>(saved?.filter ?? DEFAULT_FILTER);
  const [sort, setSort] = useState<TicketSort>(saved?.sort ?? 'sla');
  const [list, setList] = useState<TicketList | null>(null);
  const [current, setCurrent] = useState(0);
  const [help, setHelp] = useState(false);
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!saved) return;
    setFilter(saved.filter);
    setSort(saved.sort);
  }, [saved]);

  const load = useCallback(async () => {
    try {
      const next = await api.tickets(filter, sort);
      setList(next);
      setCurrent((index) => Math.min(index, Math.max(next.tickets.length - 1, 0)));
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorText(error) });
    }
  }, [api, filter, sort, toggleNotification]);

  useEffect(() => {
    void load();
  }, [load]);
  useSupportEvents(() => void load());

  const ticket = list?.tickets[current];
  const open = (number: string) => navigate(`/plugins/support/tickets/${number}`);
  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      await load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorText(error) });
    }
  };

  useKeys({
    j: () => setCurrent((index) => Math.min(index + 1, (list?.tickets.length ?? 1) - 1)),
    k: () => setCurrent((index) => Math.max(index - 1, 0)),
    Enter: () => ticket && open(ticket.number),
    a: () => ticket && void act(() => api.assignToMe(ticket.number)),
    e: () => ticket && void act(() => api.update(ticket.number, { status: 'resolved' })),
    '/': () => search.current?.focus(),
    '?': () => setHelp(true),
  });

  return (
    <Page.Main>
      <Page.Title>Поддержка</Page.Title>
      <Layouts.Header
        title="Входящие"
        subtitle={`Тикетов: ${list?.total ?? '…'} · ? — клавиши`}
        primaryAction={<SaveFilterForm filter={filter} sort={sort} />}
      />
      <Layouts.Content>
        <Flex gap={4} alignItems="flex-start">
          <SupportRail />
          <Box flex="1">
            <FilterBar
              filter={filter}
              sort={sort}
              searchRef={search}
              onChange={(nextFilter, nextSort) => {
                setFilter(nextFilter);
                setSort(nextSort);
              }}
            />
            {list === null ? (
              <Page.Loading />
            ) : list.tickets.length === 0 ? (
              <Typography>Тикетов по этому фильтру нет.</Typography>
            ) : (
              <Box role="listbox" aria-label="Тикеты">
                {list.tickets.map((entry, index) => (
                  <TicketRow
                    key={entry.number}
                    ticket={entry}
                    current={index === current}
                    onSelect={() => setCurrent(index)}
                  />
                ))}
              </Box>
            )}
          </Box>
        </Flex>
        <KeysHelp open={help} onClose={() => setHelp(false)} />
      </Layouts.Content>
    </Page.Main>
  );
};
