import { useEffect, useState } from 'react';

import {
  Box,
  Button,
  Flex,
  SingleSelect,
  SingleSelectOption,
  TextInput,
} from '@strapi/design-system';

import {
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type ProblemView,
  type TicketDetail,
  type TicketPriority,
  type TicketStatus,
  type TicketUpdate,
} from '../../../shared/contracts';
import { useSupportApi } from '../api/support-api';
import { PRIORITY_LABELS, STATUS_LABELS } from '../components/labels';
import { useSupportMeta } from '../pages/support-context';

const NONE = 'none';
const NEW_PROBLEM = 'new';

interface TicketActionsProps {
  ticket: TicketDetail;
  /** Runs a change and shows the ticket it answers with (or the error). */
  run: (action: () => Promise<TicketDetail>) => Promise<void>;
}

/** Assign, status, priority, group, tags, problem link and merge: each one control. */
export const TicketActions = ({ ticket, run }: TicketActionsProps) => {
  const api = useSupportApi();
  const { meta } = useSupportMeta();
  const [tags, setTags] = useState(ticket.tags.join(', '));
  const [mergeInto, setMergeInto] = useState('');
  const [problemTitle, setProblemTitle] = useState('');
  const [problems, setProblems] = useState<ProblemView[]>([]);
  const update = (change: TicketUpdate) => run(() => api.update(ticket.number, change));

  useEffect(() => setTags(ticket.tags.join(', ')), [ticket.tags]);
  useEffect(() => {
    api
      .problems()
      .then((all) => setProblems(all.filter((problem) => problem.status === 'open')))
      .catch(() => setProblems([]));
  }, [api, ticket.problem?.id]);

  const linkProblem = (value: string) => {
    if (value === NEW_PROBLEM) return;
    void update({ problemId: value === NONE ? null : Number(value) });
  };
  const createProblem = () =>
    run(async () => {
      await api.createProblem({ title: problemTitle.trim(), incident: ticket.number });
      setProblemTitle('');
      return api.ticket(ticket.number);
    });

  return (
    <Box padding={4} background="neutral0" hasRadius shadow="tableShadow">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Button onClick={() => run(() => api.assignToMe(ticket.number))}>
          Назначить на меня (a)
        </Button>
        {meta.me.rights.lead && (
          <SingleSelect
            aria-label="Назначить на"
            placeholder="Назначить на…"
            value={ticket.assignee ? String(ticket.assignee.id) : NONE}
            onChange={(value: string | number) =>
              update({ assigneeId: value === NONE ? null : Number(value) })
            }
          >
            <SingleSelectOption value={NONE}>Никого</SingleSelectOption>
            {meta.agents.map((agent) => (
              <SingleSelectOption key={agent.id} value={String(agent.id)}>
                {agent.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        )}
        <SingleSelect
          aria-label="Статус тикета"
          value={ticket.status}
          onChange={(value: string | number) => update({ status: value as TicketStatus })}
        >
          {TICKET_STATUSES.map((status) => (
            <SingleSelectOption key={status} value={status}>
              {STATUS_LABELS[status]}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <SingleSelect
          aria-label="Приоритет"
          value={ticket.priority}
          onChange={(value: string | number) => update({ priority: value as TicketPriority })}
        >
          {TICKET_PRIORITIES.map((priority) => (
            <SingleSelectOption key={priority} value={priority}>
              {PRIORITY_LABELS[priority]}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <SingleSelect
          aria-label="Группа тикета"
          value={ticket.group ? String(ticket.group.id) : ''}
          onChange={(value: string | number) => update({ groupId: Number(value) })}
        >
          {meta.groups.map((group) => (
            <SingleSelectOption key={group.id} value={String(group.id)}>
              {group.name}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Flex direction="column" alignItems="stretch" gap={1}>
          <TextInput
            aria-label="Теги через запятую"
            placeholder="Теги через запятую"
            value={tags}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => setTags(event.target.value)}
          />
          <Button
            variant="secondary"
            onClick={() =>
              update({
                tags: tags
                  .split(',')
                  .map((tag) => tag.trim())
                  .filter(Boolean),
              })
            }
          >
            Сохранить
          </Button>
        </Flex>
        <SingleSelect
          aria-label="Связать с проблемой"
          value={ticket.problem ? String(ticket.problem.id) : NONE}
          onChange={(value: string | number) => linkProblem(String(value))}
        >
          <SingleSelectOption value={NONE}>Без проблемы</SingleSelectOption>
          {ticket.problem && ticket.problem.status !== 'open' && (
            <SingleSelectOption value={String(ticket.problem.id)}>
              #{ticket.problem.id} {ticket.problem.title}
            </SingleSelectOption>
          )}
          {problems.map((problem) => (
            <SingleSelectOption key={problem.id} value={String(problem.id)}>
              #{problem.id} {problem.title}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Flex direction="column" alignItems="stretch" gap={1}>
          <TextInput
            aria-label="Новая проблема"
            placeholder="Новая проблема: название"
            value={problemTitle}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
              setProblemTitle(event.target.value)
            }
          />
          <Button
            variant="secondary"
            disabled={problemTitle.trim().length < 3}
            onClick={createProblem}
          >
            Создать
          </Button>
        </Flex>
        <Flex direction="column" alignItems="stretch" gap={1}>
          <TextInput
            aria-label="Объединить с тикетом"
            placeholder="Объединить в VH-…"
            value={mergeInto}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
              setMergeInto(event.target.value)
            }
          />
          <Button
            variant="danger-light"
            disabled={!/^VH-\d+$/.test(mergeInto.trim())}
            onClick={() => run(() => api.merge(ticket.number, mergeInto.trim()))}
          >
            Объединить
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};
