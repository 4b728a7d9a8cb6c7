import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';

import type { TicketListItem } from '../../../shared/contracts';
import { CHANNEL_LABELS, PRIORITY_LABELS, STATUS_LABELS, formatTime } from './labels';
import { SlaBadge } from './SlaBadge';

/** One ticket of a list: the row the keyboard cursor moves over; its number opens it. */
export const TicketRow = ({
  ticket,
  current,
  onSelect,
}: {
  ticket: TicketListItem;
  current: boolean;
  onSelect: () => void;
}) => (
  <Box
    role="option"
    aria-selected={current}
    aria-label={`${ticket.number} ${ticket.subject}`}
    padding={3}
    marginBottom={2}
    hasRadius
    background={current ? 'primary100' : 'neutral0'}
    shadow="tableShadow"
    onClick={onSelect}
    style={{ cursor: 'pointer' }}
  >
    <Flex gap={2} wrap="wrap">
      <Link to={`/plugins/support/tickets/${ticket.number}`}>
        <Typography fontWeight="bold">{ticket.number}</Typography>
      </Link>
      <Typography ellipsis>{ticket.subject}</Typography>
    </Flex>
    <Flex gap={2} paddingTop={1} wrap="wrap">
      <SlaBadge state={ticket.sla.state} dueAt={ticket.sla.dueAt} />
      <Badge>{STATUS_LABELS[ticket.status]}</Badge>
      <Badge>{PRIORITY_LABELS[ticket.priority]}</Badge>
      <Typography variant="pi" textColor="neutral600">
        {CHANNEL_LABELS[ticket.channel]} · {ticket.group?.name ?? 'без группы'} ·{' '}
        {ticket.assignee?.name ?? 'не назначен'} · {ticket.requesterName ?? '—'} · обновлён{' '}
        {formatTime(ticket.updatedAt)}
      </Typography>
    </Flex>
  </Box>
);
