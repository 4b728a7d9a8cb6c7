import { useEffect, useState } from 'react';

import { Box, Button, Flex, Typography } from '@strapi/design-system';

import type {
  DirectorySyncAction,
  DirectorySyncEntity,
  DirectorySyncReport,
  DirectorySyncSkipCode,
} from '../../../shared/contracts/directory-sync';
import { errorText, useDirectorySyncApi } from './directory-sync-api';

const ENTITIES: Record<DirectorySyncEntity, string> = {
  department: 'Отдел',
  position: 'Должность',
  group: 'Группа',
  account: 'Учётная запись',
  member: 'Сотрудник',
};

const ACTIONS: Record<DirectorySyncAction, string> = {
  create: 'создать',
  update: 'изменить',
  link: 'связать с существующей учётной записью',
  deactivate: 'исключить из сотрудников',
  reactivate: 'вернуть в сотрудники',
  block: 'заблокировать',
  unblock: 'разблокировать',
};

const SKIPS: Record<DirectorySyncSkipCode, string> = {
  'no-external-id': 'нет постоянного идентификатора',
  'no-mail': 'нет адреса почты',
  disabled: 'отключён в каталоге, учётная запись не создаётся',
  'duplicate-email': 'этот адрес есть у другого человека в каталоге',
  'email-of-another-member': 'этот адрес у сотрудника, связанного с другой записью каталога',
  'email-taken': 'этот адрес занят другой учётной записью',
};

const Report = ({ report }: { report: DirectorySyncReport }) => (
  <Flex direction="column" alignItems="stretch" gap={3} tag="section" aria-label="Отчёт">
    <Typography variant="delta" tag="h2">
      {report.dryRun ? 'Пробный запуск: ничего не записано' : 'Синхронизация выполнена'} ·{' '}
      {new Date(report.finishedAt).toLocaleString('ru-RU')}
    </Typography>
    <Typography>
      В каталоге: людей {report.directory.people} (отключено {report.directory.disabled}), групп{' '}
      {report.directory.groups}, отделов {report.directory.departments}.{' '}
      {report.upToDate ? 'Изменений нет.' : `Изменений: ${report.changes.length}.`}
    </Typography>
    {report.changes.length > 0 && (
      <Box tag="ul">
        {report.changes.map((change, index) => (
          <li key={index}>
            <Typography>
              {ENTITIES[change.entity]} <b>{change.key}</b>: {ACTIONS[change.action]}
              {change.fields ? ` (${change.fields.join(', ')})` : ''}
            </Typography>
          </li>
        ))}
      </Box>
    )}
    {report.skipped.length > 0 && (
      <>
        <Typography variant="sigma" tag="h3">
          Пропущено
        </Typography>
        <Box tag="ul">
          {report.skipped.map((entry, index) => (
            <li key={index}>
              <Typography>
                {entry.key}: {SKIPS[entry.code] ?? entry.reason}
              </Typography>
            </li>
          ))}
        </Box>
      </>
    )}
  </Flex>
);

/**
 * "Синхронизация с LDAP": a dry run shows what a sync would change; "Синхронизировать" applies
 * it. The last run's report (also of the scheduled one) is shown on opening.
 */
export const DirectorySyncPage = () => {
  const api = useDirectorySyncApi();
  const [report, setReport] = useState<DirectorySyncReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    api
      .last()
      .then((last) => current && setReport(last))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api]);

  const run = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      setReport(await api.run(dryRun));
    } catch (failure) {
      setError(errorText(failure, 'Синхронизация не удалась'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography>
        Отделы, должности, группы и сотрудники берутся из каталога компании (LDAP). Роли групп
        задаются здесь, в ID; отключённые в каталоге учётные записи блокируются.
      </Typography>
      <Flex gap={2}>
        <Button variant="secondary" loading={busy} onClick={() => run(true)}>
          Пробный запуск
        </Button>
        <Button loading={busy} onClick={() => run(false)}>
          Синхронизировать
        </Button>
      </Flex>
      {error && (
        <Typography textColor="danger600" role="alert">
          {error}
        </Typography>
      )}
      {report ? <Report report={report} /> : <Typography>Синхронизаций ещё не было.</Typography>}
    </Flex>
  );
};
