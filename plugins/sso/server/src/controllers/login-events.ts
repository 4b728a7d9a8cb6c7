import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import { validateListLoginEventsInput } from '../validation/login-events';
import { getService } from '../utils';

/** Sign-in histories for staff: anyone's, with the permission `plugin::sso.login-events.read`. */
const loginEvents = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const query = await validateListLoginEventsInput(ctx.query);
    const page = await getService(strapi, 'account-sessions').staffPage({
      user: query.user,
      page: query.page,
    });
    if (!page) throw new errors.NotFoundError('user: no user has this email or document id');
    // Built field by field from the events and their user's address and id: nothing private.
    ctx.body = { data: page.data, meta: { pagination: page.pagination } };
  },
});

export default loginEvents;
