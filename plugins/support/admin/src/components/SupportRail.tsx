import { Box, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';

import { AGENT_STATUSES, type AgentStatus, type SavedFilterView } from '../../../shared/contracts';
import { errorText } from '../api/error-text';
import { useSupportApi } from '../api/support-api';
import { useSupportMeta } from '../pages/support-context';

const STATUS_LABELS: Record<AgentStatus, string> = {
  available: 'Доступен',
  busy: 'Занят',
  away: 'Отошёл',
};

/** The left rail: saved filters, boards, problems, figures and the agent's availability. */
export const SupportRail = ({ onFilter }: { onFilter?: (saved: SavedFilterView) => void }) => {
  const api = useSupportApi();
  const { meta, reloadMeta } = useSupportMeta();
  const { toggleNotification } = useNotification();
  const groupName = (id: number | null) => meta.groups.find((group) => group.id === id)?.name;

  const setStatus = async (status: AgentStatus) => {
    try {
      await api.setAvailability(status);
      await reloadMeta();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorText(error) });
    }
  };

  return (
    <Box width="16rem" padding={4} background="neutral0" hasRadius shadow="tableShadow">
      <Typography tag="nav" aria-label="Поддержка" variant="omega">
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Link to="/plugins/support">Входящие</Link>
          <Typography variant="sigma" tag="h2">
            Фильтры
          </Typography>
          {meta.filters.length === 0 && (
            <Typography variant="pi" textColor="neutral600">
              Сохранённых фильтров нет
            </Typography>
          )}
          {meta.filters.map((saved) => (
            <Link
              key={saved.id}
              to={`/plugins/support?filter=${saved.id}`}
              onClick={() => onFilter?.(saved)}
            >
              {saved.name}
              {saved.sharedWithGroupId !== null && ` · ${groupName(saved.sharedWithGroupId) ?? ''}`}
            </Link>
          ))}
          <Typography variant="sigma" tag="h2">
            Доски
          </Typography>
          {meta.boards.map((board) => (
            <Link key={board.id} to={`/plugins/support/boards/${board.id}`}>
              {board.name}
            </Link>
          ))}
          <Typography variant="sigma" tag="h2">
            Ещё
          </Typography>
          <Link to="/plugins/support/problems">Проблемы</Link>
          {meta.me.rights.lead && <Link to="/plugins/support/stats">Статистика</Link>}
          <Box paddingTop={3}>
            <Typography variant="sigma" tag="h2">
              Мой статус
            </Typography>
            <SingleSelect
              aria-label="Мой статус: тикеты и звонки получают только доступные"
              value={meta.me.status}
              onChange={(value: string | number) => setStatus(value as AgentStatus)}
            >
              {AGENT_STATUSES.map((status) => (
                <SingleSelectOption key={status} value={status}>
                  {STATUS_LABELS[status]}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
        </Flex>
      </Typography>
    </Box>
  );
};
