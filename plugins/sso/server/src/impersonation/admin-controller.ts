import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import type {
  ListImpersonationsResponse,
  StartImpersonationResponse,
} from '../../../shared/contracts/impersonation';
import { clientAddress, trustedProxies } from '../utils/client-address';
import { getConfig, getService } from '../utils';
import { validateListImpersonationsInput, validateStartImpersonationInput } from './validation';

/** The admin API of impersonation: start (a one-time link), the audit, and ending one. */
const impersonationsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async start(ctx: Context) {
    const input = await validateStartImpersonationInput(ctx.request.body);
    const admin = ctx.state.user as { id: number; email: string };
    const started = await getService(strapi, 'impersonations').start({
      actor: { id: admin.id, email: admin.email },
      userEmail: input.userEmail,
      userId: input.userId,
      reason: input.reason,
      ip: clientAddress(ctx.req, trustedProxies(getConfig(strapi).trustedProxies)),
    });
    ctx.status = 201;
    ctx.body = {
      data: started.record,
      meta: {
        startLink: started.startLink,
        startLinkExpiresAt: started.startLinkExpiresAt.toISOString(),
      },
    } satisfies StartImpersonationResponse;
  },

  async list(ctx: Context) {
    const { page } = await validateListImpersonationsInput(ctx.query);
    const audit = await getService(strapi, 'impersonations').list(page);
    ctx.body = {
      data: audit.data,
      meta: { pagination: audit.pagination },
    } satisfies ListImpersonationsResponse;
  },

  async end(ctx: Context) {
    const id = Number(ctx.params.id);
    if (!Number.isInteger(id) || id < 1) throw new errors.ValidationError('id: not an id');
    const record = await getService(strapi, 'impersonations').end(id, 'actor');
    if (!record) throw new errors.NotFoundError('id: no such impersonation');
    ctx.body = { data: record };
  },
});

export default impersonationsController;
