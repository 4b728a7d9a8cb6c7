import { Badge, Box, Flex, Typography } from '@strapi/design-system';

import type { TicketDetail } from '../../../shared/contracts';
import { CHANNEL_LABELS, PRIORITY_LABELS, STATUS_LABELS, formatTime } from '../components/labels';
import { SlaBadge } from '../components/SlaBadge';

/** Who asked, about what, and where the ticket stands against its SLA. */
export const TicketHeader = ({ ticket }: { ticket: TicketDetail }) => {
  const contact = [ticket.requester.email, ticket.requester.phone].filter(Boolean).join(', ');
  return (
    <Box padding={4} background="neutral0" hasRadius shadow="tableShadow">
      <Flex gap={2} wrap="wrap">
        <SlaBadge state={ticket.sla.state} dueAt={ticket.sla.dueAt} />
        <Badge>{STATUS_LABELS[ticket.status]}</Badge>
        <Badge>{PRIORITY_LABELS[ticket.priority]}</Badge>
        <Badge>{CHANNEL_LABELS[ticket.channel]}</Badge>
        {ticket.tags.map((tag) => (
          <Badge key={tag} background="secondary100" textColor="secondary700">
            #{tag}
          </Badge>
        ))}
      </Flex>
      <Typography tag="p" paddingTop={2}>
        Клиент: {ticket.requester.name ?? '—'}
        {contact && ` (${contact})`} · группа: {ticket.group?.name ?? '—'} · исполнитель:{' '}
        {ticket.assignee?.name ?? 'не назначен'}
      </Typography>
      <Typography tag="p" variant="pi" textColor="neutral600">
        Первый ответ до {formatTime(ticket.firstResponseDueAt)} · решение до{' '}
        {formatTime(ticket.resolutionDueAt)} · создан {formatTime(ticket.createdAt)}
        {ticket.problem && ` · проблема #${ticket.problem.id}: ${ticket.problem.title}`}
        {ticket.mergedInto && ` · объединён в ${ticket.mergedInto}`}
      </Typography>
    </Box>
  );
};
