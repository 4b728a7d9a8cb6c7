import { useState } from 'react';

import { Box, Button, Flex, Textarea, Typography } from '@strapi/design-system';

import type { ModerationDecision, ModerationSubjectView } from '../../../shared/contracts';

const KIND: Record<ModerationSubjectView['kind'], string> = {
  review: 'Отзыв',
  reply: 'Ответ клиники',
  report: 'Жалоба на отзыв',
};

/** The review a Moderation ticket stands for, with the moderator's three decisions. */
export const ModerationPanel = ({
  subject,
  onDecide,
}: {
  subject: ModerationSubjectView;
  onDecide: (decision: ModerationDecision, reason?: string) => void;
}) => {
  const [reason, setReason] = useState('');
  return (
    <Box
      tag="section"
      aria-label="Модерация"
      padding={4}
      background="neutral0"
      hasRadius
      shadow="tableShadow"
    >
      <Typography variant="delta" tag="h2">
        {KIND[subject.kind]}: {subject.title ?? '—'} · {subject.status}
      </Typography>
      {subject.targetName && (
        <Typography tag="p" variant="pi" textColor="neutral600">
          О ком: {subject.targetName}
        </Typography>
      )}
      <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
        {subject.text}
      </Typography>
      <Box paddingTop={3}>
        <Textarea
          name="reason"
          aria-label="Причина отклонения (её прочтёт автор)"
          placeholder="Причина отклонения (её прочтёт автор)"
          value={reason}
          onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
            setReason(event.target.value)
          }
        />
      </Box>
      <Flex gap={2} paddingTop={3}>
        {subject.kind === 'report' ? (
          <Button variant="danger" onClick={() => onDecide('hide')}>
            Скрыть
          </Button>
        ) : (
          <>
            <Button variant="success" onClick={() => onDecide('approve')}>
              Одобрить
            </Button>
            <Button
              variant="danger-light"
              disabled={reason.trim().length < 3}
              onClick={() => onDecide('reject', reason.trim())}
            >
              Отклонить с причиной
            </Button>
          </>
        )}
      </Flex>
    </Box>
  );
};
