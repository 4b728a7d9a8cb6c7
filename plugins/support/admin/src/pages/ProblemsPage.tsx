import { useEffect, useState } from 'react';

import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';

import type { ProblemView } from '../../../shared/contracts';
import { useSupportApi } from '../api/support-api';
import { SupportRail } from '../components/SupportRail';

/** The problems: open ones first, with their incident counts and the reopened-incident flag. */
export const ProblemsPage = () => {
  const api = useSupportApi();
  const [problems, setProblems] = useState<ProblemView[] | null>(null);
  useEffect(() => {
    api
      .problems()
      .then(setProblems)
      .catch(() => setProblems([]));
  }, [api]);

  return (
    <Page.Main>
      <Page.Title>Проблемы · Поддержка</Page.Title>
      <Layouts.Header title="Проблемы" />
      <Layouts.Content>
        <Flex gap={4} alignItems="flex-start">
          <SupportRail />
          <Box flex="1">
            {problems === null ? (
              <Page.Loading />
            ) : problems.length === 0 ? (
              <Typography>Проблем нет.</Typography>
            ) : (
              [...problems]
                .sort((a, b) => Number(a.status === 'resolved') - Number(b.status === 'resolved'))
                .map((problem) => <ProblemLine key={problem.id} problem={problem} />)
            )}
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

const ProblemLine = ({ problem }: { problem: ProblemView }) => (
  <Box padding={3} marginBottom={2} background="neutral0" hasRadius shadow="tableShadow">
    <Flex gap={2}>
      <Badge>{problem.status === 'open' ? 'Открыта' : 'Решена'}</Badge>
      {problem.flagged && (
        <Badge background="danger100" textColor="danger700">
          Инцидент переоткрыт
        </Badge>
      )}
      <Link to={`/plugins/support/problems/${problem.id}`}>
        #{problem.id} {problem.title}
      </Link>
      <Typography variant="pi" textColor="neutral600">
        инцидентов: {problem.incidents.length}
      </Typography>
    </Flex>
  </Box>
);
