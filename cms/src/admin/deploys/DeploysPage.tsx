import { useCallback, useEffect, useState } from 'react';

import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';

import {
  RUNNING_DEPLOY_STATUSES,
  type DeployRecord as DeployWithLog,
  type DeploySummary,
} from '../../contracts';

const POLL_MS = 1500;

const STATUS_LABEL: Record<DeploySummary['status'], string> = {
  queued: 'Queued',
  building: 'Building',
  live: 'Live',
  failed: 'Failed',
  offline: 'Taken down',
};

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');
const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);

/** How far a build is: a progress bar while it runs, the page count once it is done. */
const Progress = ({ deploy }: { deploy: DeploySummary }) =>
  RUNNING_DEPLOY_STATUSES.includes(deploy.status) ? (
    <progress
      max={deploy.pagesTotal || 1}
      value={deploy.pagesDone}
      aria-label={`${deploy.subdomain}: ${deploy.pagesDone} of ${deploy.pagesTotal} pages`}
    />
  ) : (
    <Typography variant="pi">{deploy.pagesTotal ? `${deploy.pagesTotal} pages` : '—'}</Typography>
  );

/**
 * Every clinic site's static deploys, newest first: what triggered each, how it went, how long it
 * took, and its log. Refreshes itself while a build runs. Reads the admin deploys API only.
 */
const DeploysPage = () => {
  const { get } = useFetchClient();
  const [deploys, setDeploys] = useState<DeploySummary[] | null>(null);
  const [open, setOpen] = useState<DeployWithLog | null>(null);

  const load = useCallback(async () => {
    const { data } = await get<{ data: DeploySummary[] }>('/site-deploys');
    setDeploys(data.data);
    return data.data;
  }, [get]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const current = await load().catch(() => []);
      if (current.some((deploy) => RUNNING_DEPLOY_STATUSES.includes(deploy.status)))
        timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => clearTimeout(timer);
  }, [load]);

  const showLog = async (id: number) => {
    const { data } = await get<{ data: DeployWithLog }>(`/site-deploys/${id}`);
    setOpen(data.data);
  };

  return (
    <Page.Main>
      <Page.Title>Deploys</Page.Title>
      <Layouts.Header
        title="Clinic site deploys"
        subtitle="Static builds of clinic sites, started by publishing. Newest first."
        primaryAction={<Button onClick={() => void load()}>Refresh</Button>}
      />
      <Layouts.Content>
        {deploys === null ? (
          <Typography>Loading…</Typography>
        ) : deploys.length === 0 ? (
          <Typography>No deploys yet: publishing a clinic's content starts one.</Typography>
        ) : (
          <Box background="neutral0" padding={4} hasRadius shadow="filterShadow">
            <table style={{ width: '100%', borderCollapse: 'collapse' }}>
              <caption style={{ textAlign: 'start', paddingBottom: 8 }}>
                <Typography variant="sigma">Deploy history</Typography>
              </caption>
              <thead>
                <tr>
                  {['Site', 'Status', 'Why', 'Progress', 'Started', 'Took', ''].map((heading) => (
                    <th key={heading} scope="col" style={{ textAlign: 'start', padding: 6 }}>
                      <Typography variant="sigma">{heading}</Typography>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {deploys.map((deploy) => (
                  <tr key={deploy.id} style={{ borderTop: '1px solid #eaeaef' }}>
                    <td style={{ padding: 6 }}>
                      <Typography>{deploy.subdomain}</Typography>
                    </td>
                    <td style={{ padding: 6 }}>
                      <Badge active={deploy.status === 'live'}>{STATUS_LABEL[deploy.status]}</Badge>
                    </td>
                    <td style={{ padding: 6 }}>
                      <Typography>{deploy.reason}</Typography>
                    </td>
                    <td style={{ padding: 6 }}>
                      <Progress deploy={deploy} />
                    </td>
                    <td style={{ padding: 6 }}>
                      <Typography variant="pi">{when(deploy.startedAt)}</Typography>
                    </td>
                    <td style={{ padding: 6 }}>
                      <Typography variant="pi">{seconds(deploy.durationMs)}</Typography>
                    </td>
                    <td style={{ padding: 6 }}>
                      <Button variant="tertiary" onClick={() => void showLog(deploy.id)}>
                        Log
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Box>
        )}
        {open && (
          <Box marginTop={6} background="neutral0" padding={4} hasRadius shadow="filterShadow">
            <Flex justifyContent="space-between">
              <Typography variant="beta" tag="h2">
                Log of deploy #{open.id} ({open.subdomain}, {STATUS_LABEL[open.status]})
              </Typography>
              <Button variant="tertiary" onClick={() => setOpen(null)}>
                Close
              </Button>
            </Flex>
            <pre
              aria-label="Deploy log"
              style={{ whiteSpace: 'pre-wrap', maxHeight: 400, overflow: 'auto', marginTop: 12 }}
            >
              {open.log || '(empty)'}
            </pre>
          </Box>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default DeploysPage;
