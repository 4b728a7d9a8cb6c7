import type { Ref } from 'react';

import { Flex, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';

import {
  ACTIVE_STATUSES,
  TICKET_STATUSES,
  type TicketFilter,
  type TicketSort,
  type TicketStatus,
} from '../../../shared/contracts';
import { useSupportMeta } from '../pages/support-context';
import { SORT_LABELS, STATUS_LABELS } from './labels';

const ANY = 'any';
const ACTIVE = 'active';

const statusChoice = (status: TicketStatus[] | undefined) =>
  !status || status.length === 0 ? ANY : status.length === 1 ? status[0] : ACTIVE;

/** Status, group, assignee, SLA, tag, full text and sort of the inbox. */
export const FilterBar = ({
  filter,
  sort,
  onChange,
  searchRef,
}: {
  filter: TicketFilter;
  sort: TicketSort;
  onChange: (filter: TicketFilter, sort: TicketSort) => void;
  searchRef: Ref<HTMLInputElement>;
}) => {
  const { meta } = useSupportMeta();
  const set = (change: Partial<TicketFilter>) => onChange({ ...filter, ...change }, sort);
  return (
    <Flex gap={2} wrap="wrap" paddingBottom={4}>
      <TextInput
        ref={searchRef}
        aria-label="Поиск по тикетам"
        placeholder="Поиск: тема, номер, клиент, текст ( / )"
        value={filter.q ?? ''}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
          set({ q: event.target.value || undefined })
        }
      />
      <SingleSelect
        aria-label="Статус"
        value={statusChoice(filter.status)}
        onChange={(value: string | number) =>
          set({
            status:
              value === ANY
                ? undefined
                : value === ACTIVE
                  ? [...ACTIVE_STATUSES]
                  : [value as TicketStatus],
          })
        }
      >
        <SingleSelectOption value={ANY}>Любой статус</SingleSelectOption>
        <SingleSelectOption value={ACTIVE}>В работе</SingleSelectOption>
        {TICKET_STATUSES.map((status) => (
          <SingleSelectOption key={status} value={status}>
            {STATUS_LABELS[status]}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <SingleSelect
        aria-label="Группа"
        value={filter.groupId?.[0] ? String(filter.groupId[0]) : ANY}
        onChange={(value: string | number) =>
          set({ groupId: value === ANY ? undefined : [Number(value)] })
        }
      >
        <SingleSelectOption value={ANY}>Все группы</SingleSelectOption>
        {meta.groups.map((group) => (
          <SingleSelectOption key={group.id} value={String(group.id)}>
            {group.name}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <SingleSelect
        aria-label="Исполнитель"
        value={filter.assignee === undefined ? ANY : String(filter.assignee)}
        onChange={(value: string | number) =>
          set({
            assignee:
              value === ANY
                ? undefined
                : value === 'me' || value === 'none'
                  ? value
                  : Number(value),
          })
        }
      >
        <SingleSelectOption value={ANY}>Любой исполнитель</SingleSelectOption>
        <SingleSelectOption value="me">Мои</SingleSelectOption>
        <SingleSelectOption value="none">Не назначены</SingleSelectOption>
        {meta.agents.map((agent) => (
          <SingleSelectOption key={agent.id} value={String(agent.id)}>
            {agent.name}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <SingleSelect
        aria-label="SLA"
        value={filter.sla ?? ANY}
        onChange={(value: string | number) =>
          set({ sla: value === 'near' || value === 'breached' ? value : undefined })
        }
      >
        <SingleSelectOption value={ANY}>Любой SLA</SingleSelectOption>
        <SingleSelectOption value="near">Скоро нарушение</SingleSelectOption>
        <SingleSelectOption value="breached">Нарушен</SingleSelectOption>
      </SingleSelect>
      <TextInput
        aria-label="Тег"
        placeholder="Тег"
        value={filter.tag ?? ''}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
          set({ tag: event.target.value || undefined })
        }
      />
      <SingleSelect
        aria-label="Сортировка"
        value={sort}
        onChange={(value: string | number) => onChange(filter, value as TicketSort)}
      >
        {(Object.keys(SORT_LABELS) as TicketSort[]).map((key) => (
          <SingleSelectOption key={key} value={key}>
            {SORT_LABELS[key]}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Flex>
  );
};
