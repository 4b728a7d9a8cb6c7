import { useCallback, useEffect, useState } from 'react';

import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import type { SupportMeta } from '../../../shared/contracts';
import { useSupportApi } from '../api/support-api';
import { SupportZone } from '../components/SupportZone';
import { BoardPage } from './BoardPage';
import { InboxPage } from './InboxPage';
import { ProblemPage } from './ProblemPage';
import { ProblemsPage } from './ProblemsPage';
import { StatsPage } from './StatsPage';
import { SupportContext } from './support-context';
import { TicketPage } from './TicketPage';

/** The Support page: loads the desk's meta once, then routes between its views. */
const SupportApp = () => {
  const api = useSupportApi();
  const [meta, setMeta] = useState<SupportMeta | null>(null);
  const [failed, setFailed] = useState(false);

  const reloadMeta = useCallback(async () => setMeta(await api.meta()), [api]);
  useEffect(() => {
    reloadMeta().catch(() => setFailed(true));
  }, [reloadMeta]);

  if (failed) return <Page.Error />;
  if (!meta) return <Page.Loading />;
  return (
    <SupportContext.Provider value={{ meta, reloadMeta }}>
      <SupportZone area="desk.rail" />
      <Routes>
        <Route index element={<InboxPage />} />
        <Route path="boards/:id" element={<BoardPage />} />
        <Route path="tickets/:number" element={<TicketPage />} />
        <Route path="problems" element={<ProblemsPage />} />
        <Route path="problems/:id" element={<ProblemPage />} />
        <Route path="stats" element={<StatsPage />} />
      </Routes>
    </SupportContext.Provider>
  );
};

export default SupportApp;
