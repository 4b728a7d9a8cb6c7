import type { Core } from '@strapi/strapi';
import type { MetricsSites } from '@vixenhealth/metrics/contracts';

import { metricsSites } from './metrics-sites';

/** The metrics count visits of the CMS's clinics: the CMS tells them which sites exist. */
export const connectMetrics = (strapi: Core.Strapi) => {
  (
    strapi.plugin('metrics').service('sites') as unknown as { register(sites: MetricsSites): void }
  ).register(metricsSites(strapi));
};

/** Signed-in people may call the dashboards' routes (each checks the clinic is theirs). */
export const syncMetricsPermissions = async (strapi: Core.Strapi) => {
  await (
    strapi.plugin('metrics').service('setup') as unknown as {
      grantReaderPermissions(): Promise<void>;
    }
  ).grantReaderPermissions();
};
