import { useEffect, useState } from 'react';

import { Box, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';

import type { SupportStats } from '../../../shared/contracts';
import { errorText } from '../api/error-text';
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
        {/* CHARTS: the lead wires admin/src/charts/ here at merge —
            DailyBars(stats.days), LineSeries(stats.breaches), HorizontalBars(stats.backlogByGroup). */}
        <Box padding={4} background="neutral0" hasRadius>
          <Typography>Графики появятся здесь.</Typography>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};
