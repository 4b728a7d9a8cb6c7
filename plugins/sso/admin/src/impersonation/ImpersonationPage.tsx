import { useCallback, useEffect, useState, type FormEvent } from 'react';

import {
  Box,
  Button,
  Field,
  Flex,
  Table,
  Tbody,
  Td,
  Textarea,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';

import type {
  ImpersonationRecord,
  ListImpersonationsResponse,
  StartImpersonationResponse,
} from '../../../shared/contracts/impersonation';

const START = 'plugin::sso.impersonation.start';
const READ = 'plugin::sso.impersonation.read';

const when = (value: string | null) =>
  value ? new Date(value).toLocaleString('ru-RU', { timeZone: 'Europe/Moscow' }) : '—';

/** The field a refused request names (`reason`, `userEmail`), and its message. */
const refusal = (error: unknown): { field: string; message: string } => {
  const body = (
    error as {
      response?: {
        data?: {
          error?: {
            message?: string;
            details?: { errors?: { path: string[]; message: string }[] };
          };
        };
      };
    }
  ).response?.data?.error;
  const first = body?.details?.errors?.[0];
  return { field: first?.path?.[0] ?? '', message: first?.message ?? body?.message ?? 'Failed' };
};

const status = (row: ImpersonationRecord) =>
  row.endedBy
    ? `ended (${row.endedBy}) ${when(row.endedAt)}`
    : new Date(row.expiresAt) < new Date()
      ? 'expired'
      : row.linkUsedAt
        ? 'active'
        : 'link not opened';

/**
 * "Act as a person": find them by email, say why, and get a one-time link that opens their
 * cabinet in this browser for 15 minutes; below, the audit of every impersonation.
 */
export const ImpersonationPage = () => {
  const { get, post } = useFetchClient();
  const { allowedActions } = useRBAC({
    start: [{ action: START, subject: null }],
    read: [{ action: READ, subject: null }],
  });
  const [userEmail, setUserEmail] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [audit, setAudit] = useState<ImpersonationRecord[]>([]);

  const load = useCallback(async () => {
    const { data } = await get<ListImpersonationsResponse>('/sso/impersonations');
    setAudit(data.data);
  }, [get]);

  useEffect(() => {
    if (allowedActions.canRead) load().catch(() => setAudit([]));
  }, [allowedActions.canRead, load]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setLink(null);
    try {
      const { data } = await post<StartImpersonationResponse>('/sso/impersonations', {
        userEmail,
        reason,
      });
      setLink(data.meta.startLink);
      if (allowedActions.canRead) await load();
    } catch (error) {
      setProblem(refusal(error));
    }
  };

  const end = async (id: number) => {
    await post(`/sso/impersonations/${id}/end`);
    await load();
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      {allowedActions.canStart && (
        <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
          <form onSubmit={submit} noValidate>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography variant="beta" tag="h2">
                Act as a patient or clinic owner
              </Typography>
              <Typography tag="p" textColor="neutral600">
                You will see their cabinet for 15 minutes, with a banner on every page. You cannot
                change their password, email or second factor. Staff accounts cannot be opened.
              </Typography>
              <Field.Root
                name="userEmail"
                error={
                  problem?.field === 'userEmail' || problem?.field === 'userId'
                    ? problem.message
                    : undefined
                }
              >
                <Field.Label>Their email</Field.Label>
                <TextInput
                  type="email"
                  value={userEmail}
                  onChange={(e: { target: { value: string } }) => setUserEmail(e.target.value)}
                />
                <Field.Error />
              </Field.Root>
              <Field.Root
                name="reason"
                required
                error={problem?.field === 'reason' ? problem.message : undefined}
                hint="10–500 characters, kept in the audit (e.g. the ticket number)"
              >
                <Field.Label>Reason</Field.Label>
                <Textarea
                  value={reason}
                  onChange={(e: { target: { value: string } }) => setReason(e.target.value)}
                />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              {problem && !['userEmail', 'userId', 'reason'].includes(problem.field) && (
                <Typography textColor="danger600" role="alert">
                  {problem.message}
                </Typography>
              )}
              <Box>
                <Button type="submit">Get the start link</Button>
              </Box>
              {link && (
                <Typography tag="p" role="status">
                  Open within 60 seconds, once, in a private window:{' '}
                  <a href={link} target="_blank" rel="noreferrer noopener">
                    {link}
                  </a>
                </Typography>
              )}
            </Flex>
          </form>
        </Box>
      )}
      {allowedActions.canRead && (
        <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
          <Typography variant="beta" tag="h2">
            Audit
          </Typography>
          <Table colCount={6} rowCount={audit.length + 1}>
            <Thead>
              <Tr>
                <Th>Started</Th>
                <Th>Staff</Th>
                <Th>Person</Th>
                <Th>Reason</Th>
                <Th>Status</Th>
                <Th>End</Th>
              </Tr>
            </Thead>
            <Tbody>
              {audit.map((row) => (
                <Tr key={row.id}>
                  <Td>{when(row.startedAt)}</Td>
                  <Td>{row.actor.email}</Td>
                  <Td>
                    {row.target.name
                      ? `${row.target.name} (${row.target.email})`
                      : row.target.email}
                  </Td>
                  <Td style={{ whiteSpace: 'normal' }}>{row.reason}</Td>
                  <Td>{status(row)}</Td>
                  <Td>
                    {!row.endedBy &&
                      allowedActions.canStart &&
                      new Date(row.expiresAt) > new Date() && (
                        <Button variant="danger-light" size="S" onClick={() => end(row.id)}>
                          End now
                        </Button>
                      )}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>
      )}
    </Flex>
  );
};
