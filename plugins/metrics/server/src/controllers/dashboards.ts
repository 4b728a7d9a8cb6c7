import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { manageableSite, readableSite } from '../access/site-access';
import { notFound } from '../errors';
import { getService } from '../services/get-service';
import { statsCsv } from '../stats/stats-csv';
import { validateSettingsInput } from '../validation/settings-input';
import { validateStatsQuery } from '../validation/stats-input';

const csvName = (siteId: string, from: string, to: string) =>
  `metrics-${siteId.replace(/[^A-Za-z0-9_-]/g, '')}-${from}-${to}.csv`;

/** A site's dashboard for its owners and administrators (and services with the permission). */
const dashboards = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'dashboards');
  return {
    async stats(ctx: Context) {
      const query = validateStatsQuery(ctx.query);
      const site = await readableSite(strapi, ctx, ctx.params.id);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = await service().stats(site, query);
    },

    async csv(ctx: Context) {
      const query = validateStatsQuery(ctx.query);
      const site = await readableSite(strapi, ctx, ctx.params.id);
      const stats = await service().stats(site, query);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.set(
        'Content-Disposition',
        `attachment; filename="${csvName(site.id, stats.period.from, stats.period.to)}"`
      );
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = statsCsv(stats);
    },

    async settings(ctx: Context) {
      const site = await readableSite(strapi, ctx, ctx.params.id);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = { data: await service().settings(site) };
    },

    async updateSettings(ctx: Context) {
      const input = validateSettingsInput(ctx.request.body);
      const site = await manageableSite(strapi, ctx, ctx.params.id);
      ctx.body = { data: await service().setRetention(site, input.retentionDays) };
    },

    async createShare(ctx: Context) {
      const site = await manageableSite(strapi, ctx, ctx.params.id);
      ctx.status = 201;
      ctx.body = { data: await service().createShare(site) };
    },

    async revokeShare(ctx: Context) {
      const site = await manageableSite(strapi, ctx, ctx.params.id);
      await service().revokeShare(site);
      ctx.status = 204;
    },

    /** The public link: no sign-in; a revoked or unknown token answers 404. */
    async shared(ctx: Context) {
      const query = validateStatsQuery(ctx.query);
      const site = await service().sharedSite(String(ctx.params.token));
      if (!site) throw notFound('Shared dashboard');
      ctx.set('Cache-Control', 'no-store');
      ctx.set('X-Robots-Tag', 'noindex');
      ctx.body = await service().stats(site, query);
    },
  };
};

export default dashboards;
