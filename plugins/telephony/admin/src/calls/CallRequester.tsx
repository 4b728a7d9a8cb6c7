import { useState, type ChangeEvent, type FormEvent } from 'react';

import { Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import type { TicketDetail } from '@vixenhealth/support/contracts';

import { EXTENSION_PATTERN, type CallRecord } from '../../../shared/contracts';
import { errorText } from '../api/error-text';
import { useTelephonyApi } from '../api/telephony-api';
import { dial } from '../softphone/dial';

/** The requester's number: their contact's, else the other party of the ticket's latest call. */
const requesterNumber = (ticket: TicketDetail, calls: CallRecord[]) => {
  if (ticket.requester.phone) return ticket.requester.phone;
  const latest = calls[0];
  if (!latest) return null;
  return latest.direction === 'in' ? latest.from : latest.to;
};

/** Calling back the requester: from the agent's softphone, or through the provider's API. */
export const CallRequester = ({ ticket, calls }: { ticket: TicketDetail; calls: CallRecord[] }) => {
  const api = useTelephonyApi();
  const number = requesterNumber(ticket, calls);
  // The newest call that came through a provider: its callback API can ring the agent first.
  const provider = calls.find((call) => call.integration.kind !== 'cti')?.integration;
  const [extension, setExtension] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  if (!number) return null;

  const viaProvider = async (event: FormEvent) => {
    event.preventDefault();
    if (!provider) return;
    setOutcome(null);
    try {
      await api.placeCall({ integrationId: provider.id, extension, number });
      setOutcome({ ok: true, text: `${provider.name} звонит вам, затем ${number}` });
    } catch (error) {
      setOutcome({ ok: false, text: errorText(error, 'Провайдер не смог позвонить') });
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
      <Flex gap={2} alignItems="center">
        <Typography variant="pi">{number}</Typography>
        <Button variant="secondary" size="S" onClick={() => dial(number)}>
          Позвонить
        </Button>
      </Flex>
      {provider && (
        <form onSubmit={viaProvider}>
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Field.Root name="extension">
              <Field.Label>Ваш внутренний номер</Field.Label>
              <TextInput
                value={extension}
                maxLength={15}
                inputMode="numeric"
                onChange={(event: ChangeEvent<HTMLInputElement>) =>
                  setExtension(event.target.value)
                }
              />
            </Field.Root>
            <Button
              type="submit"
              variant="tertiary"
              size="S"
              disabled={!EXTENSION_PATTERN.test(extension)}
            >
              Через провайдера
            </Button>
          </Flex>
        </form>
      )}
      {outcome && (
        <Typography variant="pi" textColor={outcome.ok ? 'success600' : 'danger600'} role="status">
          {outcome.text}
        </Typography>
      )}
    </Flex>
  );
};
