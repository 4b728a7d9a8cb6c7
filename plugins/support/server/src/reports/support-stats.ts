import type { Core } from '@strapi/strapi';

import type { SupportStats } from '../../../shared/contracts';

/** Support's figures over the last `days` days (wired to the report functions at merge). */
export const supportStats = async (_strapi: Core.Strapi, _days: number): Promise<SupportStats> => ({
  days: [],
  firstResponseMinutes: { median: null, p90: null },
  resolutionMinutes: { median: null, p90: null },
  breaches: [],
  backlogByGroup: [],
});
