import { factories, type Core, type UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import { restrictPopulate } from './restrict-populate';
import { withVisibility } from './visibility-rules';

type Query = Record<string, unknown> & { filters?: unknown; populate?: unknown };
type CoreController = Core.CoreAPI.Controller.Base;

/**
 * The Content API read actions of a public content type: only published entries that obey the
 * type's visibility rule, at the top level and in everything populated. `?status=draft` is ignored.
 * For a core controller (they use its `this`).
 */
export const publicReadActions = (strapi: Core.Strapi, uid: UID.ContentType) => {
  const service = () => strapi.service(uid) as Core.CoreAPI.Service.CollectionType;
  const visibleOnly = (query: Query): Query => ({
    ...query,
    status: 'published',
    filters: withVisibility(uid, query.filters),
    populate: restrictPopulate(strapi, uid, query.populate),
  });

  return {
    async find(this: CoreController, ctx: Context) {
      await this.validateQuery(ctx);
      const query = await this.sanitizeQuery(ctx);
      const { results, pagination } = await service().find(visibleOnly(query));
      const sanitized = await this.sanitizeOutput(results, ctx);
      return this.transformResponse(sanitized, { pagination });
    },

    async findOne(this: CoreController, ctx: Context) {
      await this.validateQuery(ctx);
      const query = await this.sanitizeQuery(ctx);
      const entry = await service().findOne(ctx.params.id, visibleOnly(query));
      if (!entry) throw new errors.NotFoundError('Not Found');
      const sanitized = await this.sanitizeOutput(entry, ctx);
      return this.transformResponse(sanitized);
    },
  };
};

/** A core controller with only the public read actions of {@link publicReadActions}. */
export const createPublicReadController = (uid: UID.ContentType) =>
  factories.createCoreController(uid, ({ strapi }) => publicReadActions(strapi, uid));
