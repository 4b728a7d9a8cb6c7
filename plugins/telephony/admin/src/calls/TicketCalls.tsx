import { useEffect, useState } from 'react';

import { Box, Flex, Typography } from '@strapi/design-system';
import type { TicketZoneProps } from '@vixenhealth/support/contracts';

import type { CallRecord } from '../../../shared/contracts';
import { useTelephonyApi } from '../api/telephony-api';
import { CallRequester } from './CallRequester';
import { RecordingPlayer } from './RecordingPlayer';

const RESULT_LABELS: Record<NonNullable<CallRecord['result']>, string> = {
  answered: 'состоялся',
  missed: 'пропущен',
  rejected: 'отклонён',
  voicemail: 'голосовая почта',
};

const talk = (seconds: number | null) =>
  seconds === null ? '' : ` · ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * The calls of a ticket, beside it: direction, numbers, result, talk time, recording; and a call
 * back to the requester.
 */
export const TicketCalls = ({ ticket }: TicketZoneProps) => {
  const api = useTelephonyApi();
  const [calls, setCalls] = useState<CallRecord[]>([]);

  useEffect(() => {
    let current = true;
    api
      .callsOf(ticket.number)
      .then((answer) => current && setCalls(answer.calls))
      .catch(() => current && setCalls([]));
    return () => {
      current = false;
    };
  }, [api, ticket.number]);

  if (calls.length === 0 && !ticket.requester.phone) return null;
  return (
    <Box
      padding={4}
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      tag="section"
      aria-labelledby="telephony-ticket-calls"
    >
      <Typography variant="sigma" tag="h2" id="telephony-ticket-calls">
        Звонки
      </Typography>
      <CallRequester ticket={ticket} calls={calls} />
      <Flex direction="column" alignItems="stretch" gap={2} tag="ul" paddingTop={2}>
        {calls.map((call) => (
          <li key={call.id}>
            <Typography variant="pi">
              {call.direction === 'in' ? '↙' : '↗'} {call.from} → {call.to} ·{' '}
              {call.result ? RESULT_LABELS[call.result] : 'идёт'}
              {talk(call.durationSeconds)}
            </Typography>
            {call.recording && <RecordingPlayer url={call.recording.url} />}
          </li>
        ))}
      </Flex>
    </Box>
  );
};
