import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { forbidden, notFound } from '../errors';
import { getService } from '../services/get-service';
import { mayManageSipAccounts } from './may-manage';
import { validateSipAccount } from './validate-sip-account';

const MANAGE_REFUSED = 'Only a support lead or a super admin sets SIP accounts';

/** The SIP-account endpoints of the admin API; answers never carry another user's password. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async mine(ctx: Context) {
    const credentials = await getService(strapi, 'sipAccounts').credentialsOf(ctx.state.user.id);
    if (!credentials) throw notFound('SIP account');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: credentials };
  },

  async set(ctx: Context) {
    if (!(await mayManageSipAccounts(strapi, ctx.state.user))) throw forbidden(MANAGE_REFUSED);
    const userId = Number(ctx.params.userId);
    if (!Number.isInteger(userId) || userId < 1) throw notFound('Admin user');
    const input = validateSipAccount(ctx.request.body);
    ctx.body = { data: await getService(strapi, 'sipAccounts').set(userId, input) };
  },
});
