import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { adminActionPolicies, type AdminAction } from '../../admin-access/admin-actions';
import { listDeploys, readDeploy } from './deploy-history';

/** The admin-panel permission to read every clinic's deploy history (support staff). */
export const DEPLOYS_ADMIN_ACTION: AdminAction = {
  section: 'settings',
  category: 'sites',
  subCategory: 'deploys',
  displayName: "Read clinic sites' deploy history and logs",
  uid: 'site-deploys.read',
};
export const READ_DEPLOYS_ACTION = `api::${DEPLOYS_ADMIN_ACTION.uid}`;

/** Staff read deploys in the admin panel: all clinics, or one (`?clinic=<documentId>`). */
export const registerDeployRoutes = (strapi: Core.Strapi) => {
  const config = { policies: adminActionPolicies(READ_DEPLOYS_ACTION) };
  strapi.server.routes({
    type: 'admin',
    prefix: '',
    routes: [
      {
        method: 'GET',
        path: '/site-deploys',
        handler: async (ctx: Context) => {
          const clinic = typeof ctx.query.clinic === 'string' ? ctx.query.clinic : undefined;
          ctx.body = { data: await listDeploys(strapi, { clinicDocumentId: clinic, limit: 100 }) };
        },
        config,
      },
      {
        method: 'GET',
        path: '/site-deploys/:id',
        handler: async (ctx: Context) => {
          ctx.body = { data: await readDeploy(strapi, ctx.params.id) };
        },
        config,
      },
    ],
  } as never);
};
