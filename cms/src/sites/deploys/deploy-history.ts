import type { Core } from '@strapi/strapi';

import { SITE_DEPLOY } from '../../content-types/uids';
import type { DeployRecord, DeploySummary } from '../../contracts';
import { notFound } from '../../errors';

const SUMMARY_FIELDS = [
  'id',
  'subdomain',
  'status',
  'reason',
  'pagesDone',
  'pagesTotal',
  'startedAt',
  'finishedAt',
  'durationMs',
  'createdAt',
];

/** The newest deploys, of one clinic or of all: what the history lists, without logs. */
export const listDeploys = async (
  strapi: Core.Strapi,
  { clinicDocumentId, limit = 30 }: { clinicDocumentId?: string; limit?: number } = {}
): Promise<DeploySummary[]> =>
  (await strapi.db.query(SITE_DEPLOY).findMany({
    where: clinicDocumentId ? { clinicDocumentId } : {},
    select: SUMMARY_FIELDS,
    orderBy: { id: 'desc' },
    limit: Math.min(Math.max(limit, 1), 100),
  })) as DeploySummary[];

/** One deploy with its log; of `clinicDocumentId` only, when given (the cabinet's view). */
export const readDeploy = async (
  strapi: Core.Strapi,
  id: unknown,
  { clinicDocumentId }: { clinicDocumentId?: string } = {}
): Promise<DeployRecord> => {
  const deploy = (await strapi.db.query(SITE_DEPLOY).findOne({
    where: { id: Number(id) || 0, ...(clinicDocumentId ? { clinicDocumentId } : {}) },
    select: [...SUMMARY_FIELDS, 'log'],
  })) as DeployRecord | null;
  if (!deploy) throw notFound('Deploy');
  return { ...deploy, log: deploy.log ?? '' };
};
