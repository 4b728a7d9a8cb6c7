import { useState, type FormEvent } from 'react';
import { Badge, Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';

import type { PhoneState, Registration, SipPhone } from './sip-phone';
import { useCallTimer } from './use-call-timer';
import { useSipPhone } from './use-sip-phone';

const REGISTRATION_LABEL: Record<Registration, string> = {
  connecting: 'Подключение…',
  registered: 'Телефон готов',
  unregistered: 'Телефон отключён',
  failed: 'Нет регистрации',
};

const KEYPAD = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** The agent's softphone, above every Support view: calls in and out of the browser. */
export const Softphone = () => {
  const { setup, state, audio } = useSipPhone();
  if (setup.kind === 'loading' || setup.kind === 'none') return null;
  return (
    <Box
      tag="section"
      aria-label="Телефон"
      padding={3}
      marginBottom={4}
      background="neutral0"
      hasRadius
      shadow="tableShadow"
    >
      {setup.kind === 'error' || !state ? (
        <Typography textColor="danger600">{setup.kind === 'error' ? setup.message : ''}</Typography>
      ) : (
        <PhonePanel phone={setup.phone} state={state} />
      )}
      <audio ref={audio} autoPlay />
    </Box>
  );
};

const PhonePanel = ({ phone, state }: { phone: SipPhone; state: PhoneState }) => (
  <Flex gap={4} alignItems="center" wrap="wrap">
    <Badge
      active={state.registration === 'registered'}
      title={state.registrationError ?? undefined}
    >
      {REGISTRATION_LABEL[state.registration]}
    </Badge>
    {state.phase === 'idle' && (
      <DialForm
        phone={phone}
        disabled={state.registration !== 'registered'}
        lastEnd={state.lastEnd}
      />
    )}
    {state.phase === 'incoming' && (
      <Flex gap={2} alignItems="center">
        <Typography fontWeight="bold" role="status">
          Входящий звонок: {state.peer}
        </Typography>
        <Button variant="success" onClick={() => phone.answer()}>
          Ответить
        </Button>
        <Button variant="danger" onClick={() => phone.hangUp()}>
          Отклонить
        </Button>
      </Flex>
    )}
    {state.phase === 'outgoing' && (
      <Flex gap={2} alignItems="center">
        <Typography role="status">Вызов: {state.peer}…</Typography>
        <Button variant="danger" onClick={() => phone.hangUp()}>
          Отменить
        </Button>
      </Flex>
    )}
    {state.phase === 'talking' && <CallControls phone={phone} state={state} />}
  </Flex>
);

const DialForm = ({
  phone,
  disabled,
  lastEnd,
}: {
  phone: SipPhone;
  disabled: boolean;
  lastEnd: string | null;
}) => {
  const [target, setTarget] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (phone.call(target)) setTarget('');
  };
  return (
    <form onSubmit={submit}>
      <Flex gap={2} alignItems="flex-end">
        <Field.Root name="dial">
          <Field.Label>Номер</Field.Label>
          <TextInput
            value={target}
            maxLength={256}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => setTarget(event.target.value)}
          />
        </Field.Root>
        <Button type="submit" disabled={disabled || !target.trim()}>
          Позвонить
        </Button>
        {lastEnd && (
          <Typography variant="pi" textColor="neutral600">
            Звонок не состоялся: {lastEnd}
          </Typography>
        )}
      </Flex>
    </form>
  );
};

const CallControls = ({ phone, state }: { phone: SipPhone; state: PhoneState }) => {
  const timer = useCallTimer(state.answeredAt);
  const [transferTo, setTransferTo] = useState('');
  return (
    <Flex gap={3} alignItems="center" wrap="wrap">
      <Typography fontWeight="bold" role="status">
        Разговор: {state.peer} · <span aria-label="Длительность">{timer}</span>
        {state.held && ' · на удержании'}
      </Typography>
      <Button variant="secondary" disabled={state.holdPending} onClick={() => phone.toggleHold()}>
        {state.held ? 'Снять с удержания' : 'Удержание'}
      </Button>
      <Button variant="secondary" onClick={() => phone.toggleMute()}>
        {state.muted ? 'Включить микрофон' : 'Выключить микрофон'}
      </Button>
      <Button variant="danger" onClick={() => phone.hangUp()}>
        Завершить
      </Button>
      <Flex gap={1} role="group" aria-label="Тоновый набор" wrap="wrap">
        {KEYPAD.map((tone) => (
          <Button key={tone} size="S" variant="tertiary" onClick={() => phone.sendDtmf(tone)}>
            {tone}
          </Button>
        ))}
      </Flex>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          phone.transfer(transferTo);
        }}
      >
        <Flex gap={2} alignItems="flex-end">
          <Field.Root name="transfer">
            <Field.Label>Перевести на</Field.Label>
            <TextInput
              value={transferTo}
              maxLength={256}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                setTransferTo(event.target.value)
              }
            />
          </Field.Root>
          <Button type="submit" variant="secondary" disabled={!transferTo.trim()}>
            Перевести
          </Button>
        </Flex>
      </form>
    </Flex>
  );
};
