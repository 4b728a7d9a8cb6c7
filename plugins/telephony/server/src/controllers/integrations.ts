import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type {
  CreateIntegrationResponse,
  IntegrationListResponse,
  IntegrationResponse,
} from '../../../shared/contracts';
import { fieldError, notFound } from '../errors';
import { validateNewIntegration } from '../integrations/validate-new-integration';
import { getService } from '../services/get-service';

/** The admin API of integrations: create (token and secret shown once), list, disable. */
const integrationsAdmin = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: Context) {
    const input = validateNewIntegration((ctx.request as { body?: unknown }).body);
    const body: CreateIntegrationResponse = {
      data: await getService(strapi, 'integrations').create(input),
    };
    ctx.status = 201;
    ctx.body = body;
  },

  async list(ctx: Context) {
    const body: IntegrationListResponse = { data: await getService(strapi, 'integrations').list() };
    ctx.body = body;
  },

  async disable(ctx: Context) {
    const id = Number(ctx.params.id);
    if (!Number.isSafeInteger(id) || id <= 0) throw fieldError('id', 'must be an integration id');
    const disabled = await getService(strapi, 'integrations').disable(id);
    if (!disabled) throw notFound('Integration');
    const body: IntegrationResponse = { data: disabled };
    ctx.body = body;
  },
});

export default integrationsAdmin;
