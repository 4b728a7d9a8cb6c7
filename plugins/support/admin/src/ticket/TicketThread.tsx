import { Box, Flex, Typography } from '@strapi/design-system';

import type { TicketMessageView } from '../../../shared/contracts';
import { CHANNEL_LABELS, formatTime } from '../components/labels';

const AUTHOR: Record<TicketMessageView['author']['kind'], string> = {
  agent: 'Агент',
  requester: 'Клиент',
  system: 'Система',
};

const DELIVERY: Record<NonNullable<TicketMessageView['delivery']>, string> = {
  pending: 'отправляется',
  sent: 'отправлено',
  failed: 'не доставлено',
};

/** The conversation, oldest first; internal notes on yellow so no one mistakes them for replies. */
export const TicketThread = ({ messages }: { messages: TicketMessageView[] }) => (
  <Box tag="section" aria-label="Переписка">
    {messages.map((message) => {
      const note = message.kind === 'note';
      return (
        <Box
          key={message.id}
          tag="article"
          aria-label={note ? 'Внутренняя заметка' : 'Сообщение'}
          padding={4}
          marginBottom={3}
          hasRadius
          background={
            note ? 'warning100' : message.author.kind === 'agent' ? 'primary100' : 'neutral0'
          }
          borderColor={note ? 'warning200' : 'neutral150'}
          shadow="tableShadow"
        >
          <Typography variant="pi" textColor="neutral600">
            {note ? 'Заметка · ' : ''}
            {message.author.name ?? AUTHOR[message.author.kind]} · {CHANNEL_LABELS[message.channel]}{' '}
            · {formatTime(message.createdAt)}
            {message.delivery && ` · ${DELIVERY[message.delivery]}`}
          </Typography>
          <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
            {message.text}
          </Typography>
          {message.attachments.length > 0 && (
            <Flex gap={2} paddingTop={2} wrap="wrap">
              {message.attachments.map((file) => (
                <Typography key={file.id} variant="pi">
                  📎 {file.name} ({Math.ceil(file.size / 1024)} КБ)
                </Typography>
              ))}
            </Flex>
          )}
        </Box>
      );
    })}
  </Box>
);
