import { useCallback, useEffect, useState } from 'react';

import { Badge, Box, Button, Flex, Textarea, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';

import type { ProblemView } from '../../../shared/contracts';
import { errorText } from '../api/error-text';
import { useSupportApi } from '../api/support-api';
import { STATUS_LABELS } from '../components/labels';

/** One problem: its incidents; resolving it resolves every one of them. */
export const ProblemPage = () => {
  const id = Number(useParams().id);
  const api = useSupportApi();
  const { toggleNotification } = useNotification();
  const [problem, setProblem] = useState<ProblemView | null>(null);
  const [missing, setMissing] = useState(false);
  const [resolution, setResolution] = useState('');

  const load = useCallback(
    () =>
      api
        .problem(id)
        .then(setProblem)
        .catch(() => setMissing(true)),
    [api, id]
  );
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (action: () => Promise<ProblemView>) => {
    try {
      setProblem(await action());
      setResolution('');
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorText(error) });
    }
  };

  if (missing) return <Page.Error />;
  if (!problem) return <Page.Loading />;
  return (
    <Page.Main>
      <Page.Title>{`Проблема #${problem.id} · Поддержка`}</Page.Title>
      <Layouts.Header
        title={`#${problem.id} ${problem.title}`}
        navigationAction={<Link to="/plugins/support/problems">← Проблемы</Link>}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box padding={4} background="neutral0" hasRadius shadow="tableShadow">
            <Flex gap={2}>
              <Badge>{problem.status === 'open' ? 'Открыта' : 'Решена'}</Badge>
              {problem.flagged && (
                <Badge background="danger100" textColor="danger700">
                  Инцидент переоткрыт после решения
                </Badge>
              )}
            </Flex>
            <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
              {problem.description}
            </Typography>
            {problem.resolution && (
              <Typography tag="p" paddingTop={2}>
                Решение: {problem.resolution}
              </Typography>
            )}
          </Box>
          <Box tag="section" aria-label="Инциденты" padding={4} background="neutral0" hasRadius>
            <Typography variant="delta" tag="h2">
              Инциденты ({problem.incidents.length})
            </Typography>
            {problem.incidents.map((incident) => (
              <Typography key={incident.number} tag="p">
                <Link to={`/plugins/support/tickets/${incident.number}`}>{incident.number}</Link>{' '}
                {incident.subject} · {STATUS_LABELS[incident.status]}
              </Typography>
            ))}
          </Box>
          {problem.status === 'open' ? (
            <Box padding={4} background="neutral0" hasRadius>
              <Textarea
                name="resolution"
                aria-label="Решение (уйдёт во все связанные тикеты)"
                placeholder="Решение (уйдёт во все связанные тикеты)"
                value={resolution}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                  setResolution(event.target.value)
                }
              />
              <Box paddingTop={2}>
                <Button
                  disabled={resolution.trim() === ''}
                  onClick={() => run(() => api.resolveProblem(problem.id, resolution.trim()))}
                >
                  Решить проблему и все инциденты
                </Button>
              </Box>
            </Box>
          ) : (
            <Box>
              <Button variant="secondary" onClick={() => run(() => api.reopenProblem(problem.id))}>
                Переоткрыть
              </Button>
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
