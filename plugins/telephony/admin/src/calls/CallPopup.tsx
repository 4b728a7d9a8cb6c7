import { useState } from 'react';

import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useAgentNotices } from '@vixenhealth/support/admin-live';
import { useNavigate } from 'react-router-dom';

import { CALL_NOTICE_TOPIC, type Caller, type CallNotice } from '../../../shared/contracts';
import { errorText } from '../api/error-text';
import { useTelephonyApi } from '../api/telephony-api';

const KIND_LABELS: Record<Caller['kind'], string> = {
  user: 'Пользователь VixenHealth ID',
  clinic: 'Клиника',
  contact: 'Писал(а) в поддержку',
  unknown: 'Номер не знаком',
};

type Ringing = CallNotice & { caller: Caller };

/**
 * The pop-up of a ringing call, above every Support view: who calls and their open tickets;
 * one click opens a ticket with the call linked to it, or gives the call a new one.
 */
export const CallPopup = () => {
  const api = useTelephonyApi();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const [ringing, setRinging] = useState<Ringing[]>([]);

  useAgentNotices<CallNotice>(CALL_NOTICE_TOPIC, ({ data }) => {
    setRinging((shown) => [
      ...shown.filter((item) => item.call.id !== data.call.id),
      ...(data.caller ? [data as Ringing] : []),
    ]);
  });

  const open = async (callId: number, ticket: Promise<{ number: string }>) => {
    try {
      const { number } = await ticket;
      setRinging((shown) => shown.filter((item) => item.call.id !== callId));
      navigate(`/plugins/support/tickets/${number}`);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorText(error, 'Не удалось открыть тикет') });
    }
  };

  return (
    <>
      {ringing.map(({ call, caller }) => (
        <Box
          key={call.id}
          role="alertdialog"
          aria-label={`Входящий звонок: ${caller.name ?? caller.phone}`}
          padding={4}
          marginBottom={4}
          background="primary100"
          borderColor="primary600"
          hasRadius
          shadow="popupShadow"
        >
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography variant="delta" tag="h2">
              Звонит {caller.name ?? caller.phone}
            </Typography>
            <Typography variant="pi" textColor="neutral700">
              {KIND_LABELS[caller.kind]} · {caller.phone}
              {call.queue ? ` · очередь ${call.queue}` : ''}
            </Typography>
            {caller.openTickets.length === 0 ? (
              <Typography variant="pi">Открытых тикетов нет</Typography>
            ) : (
              <Flex gap={2} wrap="wrap" tag="ul" aria-label="Открытые тикеты">
                {caller.openTickets.map((ticket) => (
                  <li key={ticket.number}>
                    <Button
                      variant="secondary"
                      onClick={() => open(call.id, api.pickTicket(call.id, ticket.number))}
                    >
                      {ticket.number}: {ticket.subject}
                    </Button>
                  </li>
                ))}
              </Flex>
            )}
            <Flex>
              <Button onClick={() => open(call.id, api.newTicket(call.id))}>
                Тикет для звонка
              </Button>
            </Flex>
          </Flex>
        </Box>
      ))}
    </>
  );
};
