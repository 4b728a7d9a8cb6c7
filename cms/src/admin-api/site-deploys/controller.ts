import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { listDeploys, readDeploy } from '../../sites/deploys/deploy-history';

/** How many deploys the admin panel lists at once, newest first. */
const LISTED = 100;

export const siteDeploysController = (strapi: Core.Strapi) => ({
  async list(ctx: Context) {
    const clinic = typeof ctx.query.clinic === 'string' ? ctx.query.clinic : undefined;
    ctx.body = { data: await listDeploys(strapi, { clinicDocumentId: clinic, limit: LISTED }) };
  },
  async findOne(ctx: Context) {
    ctx.body = { data: await readDeploy(strapi, ctx.params.id) };
  },
});

export type SiteDeploysAction = keyof ReturnType<typeof siteDeploysController>;
