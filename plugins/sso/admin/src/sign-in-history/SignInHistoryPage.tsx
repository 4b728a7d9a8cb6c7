import { useEffect, useState, type FormEvent } from 'react';

import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { isFetchError, Page, useFetchClient } from '@strapi/strapi/admin';

import type { LoginEventPage, StaffLoginEvent } from '../../../shared/contracts';

const OUTCOMES: Record<string, { label: string; danger: boolean }> = {
  success: { label: 'Успешно', danger: false },
  'bad-credentials': { label: 'Неверный пароль или ключ', danger: true },
  'bad-code': { label: 'Неверный код', danger: true },
  'upstream-refused': { label: 'Отказ внешнего входа', danger: true },
  throttled: { label: 'Задержан', danger: true },
  blocked: { label: 'Заблокирован', danger: true },
  unverified: { label: 'Email не подтверждён', danger: false },
};

const when = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'short', timeStyle: 'medium' });

const Outcome = ({ outcome }: { outcome: string }) => {
  const known = OUTCOMES[outcome] ?? { label: outcome, danger: false };
  return known.danger ? (
    <Badge background="danger100" textColor="danger700">
      {known.label}
    </Badge>
  ) : (
    <Badge>{known.label}</Badge>
  );
};

const EventRow = ({ event }: { event: StaffLoginEvent }) => (
  <Tr>
    <Td>
      <Typography>{when.format(new Date(event.occurredAt))}</Typography>
    </Td>
    <Td>
      <Typography>{event.user?.email ?? '—'}</Typography>
    </Td>
    <Td>
      <Outcome outcome={event.outcome} />
    </Td>
    <Td>
      <Typography>{event.method}</Typography>
    </Td>
    <Td>
      <Typography>{event.ip ?? '—'}</Typography>
    </Td>
    <Td>
      <Typography ellipsis title={event.userAgent ?? undefined}>
        {event.userAgent ?? '—'}
      </Typography>
    </Td>
  </Tr>
);

/**
 * Everyone's sign-in attempts, newest first, or one person's (by email or document id): what
 * staff look at when someone says they cannot get in, or that someone else did.
 */
export const SignInHistoryPage = () => {
  const { get } = useFetchClient();
  const [filter, setFilter] = useState('');
  const [query, setQuery] = useState({ user: '', page: 1 });
  const [result, setResult] = useState<LoginEventPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const params = new URLSearchParams({ page: String(query.page) });
    if (query.user) params.set('user', query.user);
    setError(null);
    get<LoginEventPage>(`/sso/login-events?${params}`)
      .then((response) => setResult(response.data))
      .catch((failure: unknown) => {
        setResult(null);
        setError(
          isFetchError(failure)
            ? (failure.response?.data.error.message ?? failure.message)
            : 'Не удалось загрузить историю входов'
        );
      });
  }, [get, query]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ user: filter.trim(), page: 1 });
  };
  const pagination = result?.pagination;

  return (
    <Box>
      <Page.Title>История входов · VixenHealth ID</Page.Title>
      <form onSubmit={search} aria-label="Поиск по истории входов">
        <Flex gap={2} alignItems="flex-end" paddingBottom={4}>
          <Field.Root name="user" hint="Email или documentId пользователя">
            <Field.Label>Пользователь</Field.Label>
            <Field.Input
              value={filter}
              onChange={(event: { target: { value: string } }) => setFilter(event.target.value)}
            />
          </Field.Root>
          <Button type="submit">Найти</Button>
        </Flex>
      </form>
      {error && (
        <Typography role="alert" textColor="danger600">
          {error}
        </Typography>
      )}
      {!error && result === null && <Page.Loading />}
      {result && (
        <>
          <Table colCount={6} rowCount={result.data.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">Когда</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Пользователь</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Результат</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Способ</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Адрес</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Браузер</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {result.data.map((event, index) => (
                <EventRow key={`${event.occurredAt}-${index}`} event={event} />
              ))}
            </Tbody>
          </Table>
          {result.data.length === 0 && <Typography>Попыток входа нет.</Typography>}
          {pagination && pagination.pageCount > 1 && (
            <Flex gap={2} paddingTop={4} alignItems="center">
              <Button
                variant="tertiary"
                disabled={pagination.page <= 1}
                onClick={() => setQuery({ ...query, page: query.page - 1 })}
              >
                Назад
              </Button>
              <Typography>
                {pagination.page} из {pagination.pageCount}
              </Typography>
              <Button
                variant="tertiary"
                disabled={pagination.page >= pagination.pageCount}
                onClick={() => setQuery({ ...query, page: query.page + 1 })}
              >
                Дальше
              </Button>
            </Flex>
          )}
        </>
      )}
    </Box>
  );
};
