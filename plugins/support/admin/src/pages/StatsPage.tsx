import { useEffect, useState } from 'react';

import { Box, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';

import type { SupportStats } from '../../../shared/contracts';
import { errorText } from '../api/error-text';
import { DailyBars, HorizontalBars, LineSeries } from '../charts';
import { useSupportApi } from '../api/support-api';

const DAYS = 30;

/** The desk's figures for the last 30 days (Support leads). */
export const StatsPage = () => {
  const api = useSupportApi();
  const [stats, setStats] = useState<SupportStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .stats(DAYS)
      .then(setStats)
      .catch((failure: unknown) => setError(errorText(failure)));
  }, [api]);

  if (error)
    return (
      <Page.Main>
        <Layouts.Content>
          <Typography>{error}</Typography>
        </Layouts.Content>
      </Page.Main>
    );
  if (!stats) return <Page.Loading />;
  return (
    <Page.Main>
      <Page.Title>Статистика · Поддержка</Page.Title>
      <Layouts.Header
        title="Статистика"
        subtitle={`За ${DAYS} дней · первый ответ, медиана: ${stats.firstResponseMinutes.median ?? '—'} мин · решение, медиана: ${stats.resolutionMinutes.median ?? '—'} мин`}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box padding={4} background="neutral0" hasRadius shadow="tableShadow">
            <DailyBars days={stats.days} title="Обращения: открыто и закрыто по дням" />
          </Box>
          <Box padding={4} background="neutral0" hasRadius shadow="tableShadow">
            <LineSeries
              points={stats.breaches.map((day) => ({
                day: day.day,
                value: day.firstResponse + day.resolution,
              }))}
              title="Нарушения SLA по дням (первый ответ и решение)"
              unit="нарушений"
            />
          </Box>
          <Box padding={4} background="neutral0" hasRadius shadow="tableShadow">
            <HorizontalBars backlog={stats.backlogByGroup} title="Обращения в работе по группам" />
          </Box>
          <Typography variant="pi" textColor="neutral600">
            Первый ответ: медиана {stats.firstResponseMinutes.median ?? '—'} мин, 90-й процентиль{' '}
            {stats.firstResponseMinutes.p90 ?? '—'} мин. Решение: медиана{' '}
            {stats.resolutionMinutes.median ?? '—'} мин, 90-й процентиль{' '}
            {stats.resolutionMinutes.p90 ?? '—'} мин.
          </Typography>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
