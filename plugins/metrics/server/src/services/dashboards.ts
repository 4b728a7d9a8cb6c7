import type { Core } from '@strapi/strapi';

import type { MetricsSite, StatsQuery } from '../../../shared/contracts';
import type { MetricsConfig } from '../config';
import { siteSettings } from '../share/site-settings';
import { resolvePeriod } from '../stats/period';
import { queryStats } from '../stats/query-stats';
import { getService } from './get-service';

/** What the dashboards read and change, once the caller's right to the site is settled. */
const dashboards = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::metrics') as MetricsConfig;
  const settings = () => siteSettings(strapi.db.connection, config().retentionDays);
  const now = () => getService(strapi, 'clock').now();

  const stats = (site: MetricsSite, query: StatsQuery) =>
    queryStats(strapi.db.connection, site, resolvePeriod(query, now(), config().timeZone));

  return {
    stats,
    settings: (site: MetricsSite) => settings().read(site.id),
    setRetention: (site: MetricsSite, days: number | null) =>
      settings().setRetention(site.id, days),
    createShare: (site: MetricsSite) => settings().createShare(site.id, now()),
    revokeShare: (site: MetricsSite) => settings().revokeShare(site.id),
    /** The site a public link shows, or null (no such link, revoked, or the site is gone). */
    async sharedSite(token: string) {
      const id = await settings().siteOfShare(token);
      return id ? getService(strapi, 'sites').get().find(id) : null;
    },
  };
};

export type DashboardsService = ReturnType<typeof dashboards>;
export default dashboards;
