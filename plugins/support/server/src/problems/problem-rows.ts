import type { Core } from '@strapi/strapi';

import type { ProblemView } from '../../../shared/contracts';
import { PROBLEM } from '../content-types/uids';
import { notFound } from '../errors';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

const POPULATE = { incidents: { select: ['id', 'number', 'subject', 'status'] } };

export const getProblem = async (strapi: Core.Strapi, id: number): Promise<Row> => {
  const problem = await strapi.db.query(PROBLEM).findOne({ where: { id }, populate: POPULATE });
  if (!problem) throw notFound('Problem');
  return problem;
};

export const problemViewOf = (problem: Row): ProblemView => ({
  id: problem.id,
  title: problem.title,
  description: problem.description ?? '',
  status: problem.status,
  flagged: Boolean(problem.flagged),
  resolution: problem.resolution ?? null,
  incidents: (problem.incidents ?? []).map((incident: Row) => ({
    number: incident.number,
    subject: incident.subject,
    status: incident.status,
  })),
  createdAt: new Date(problem.createdAt).toISOString(),
});

export const listProblems = async (strapi: Core.Strapi) =>
  (
    await strapi.db
      .query(PROBLEM)
      .findMany({ populate: POPULATE, orderBy: { id: 'desc' }, limit: 200 })
  ).map(problemViewOf);
